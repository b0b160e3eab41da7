# Builds all three services from this repository; pick one with --target (command-side, query-side, realtime-edge).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-kernel shared-kernel
COPY shared-web shared-web
COPY infra/test-servers infra/test-servers
COPY infra/local-stack infra/local-stack
COPY command-side command-side
COPY query-side query-side
COPY realtime-edge realtime-edge
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:25-jre AS runtime
RUN useradd --system --uid 10001 flc
USER flc
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]

FROM runtime AS command-side
COPY --from=build /src/command-side/target/command-side-*-exec.jar /app/service.jar
EXPOSE 8081

FROM runtime AS query-side
COPY --from=build /src/query-side/target/query-side-*-exec.jar /app/service.jar
EXPOSE 8082

FROM runtime AS realtime-edge
COPY --from=build /src/realtime-edge/target/realtime-edge-*-exec.jar /app/service.jar
EXPOSE 8083 8084
