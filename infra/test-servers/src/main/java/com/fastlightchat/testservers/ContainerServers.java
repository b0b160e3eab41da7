package com.fastlightchat.testservers;

import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The four servers as real images under Testcontainers, used by {@link TestServers} when Docker is reachable.
 * Images can be overridden with the system properties {@code flc.test-servers.kafka-image},
 * {@code ...postgres-image}, {@code ...mongo-image} and {@code ...redis-image}.
 */
final class ContainerServers implements AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String POSTGRES_IMAGE = "postgres:17";
    static final String MONGO_IMAGE = "mongo:8";
    static final String REDIS_IMAGE = "redis:7";

    private static final int POSTGRES_PORT = 5432;
    private static final int REDIS_PORT = 6379;

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final MongoDBContainer mongo;
    private final GenericContainer<?> redis;
    private final ServerEndpoints endpoints;

    private ContainerServers() {
        kafka = new KafkaContainer(image("kafka", KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        postgres = new PostgreSQLContainer(image("postgres", POSTGRES_IMAGE))
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withDatabaseName("postgres");
        postgres.withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=300");
        mongo = new MongoDBContainer(image("mongo", MONGO_IMAGE));
        redis = new GenericContainer<>(image("redis", REDIS_IMAGE)).withExposedPorts(REDIS_PORT);
        List<Startable> all = List.of(kafka, postgres, mongo, redis);
        try {
            Startables.deepStart(all).join();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("could not start the test containers", e);
        }
        endpoints = new ServerEndpoints(kafka.getBootstrapServers(),
                postgres.getHost(), postgres.getMappedPort(POSTGRES_PORT), postgres.getUsername(), postgres.getPassword(),
                mongo.getConnectionString(),
                redis.getHost(), redis.getMappedPort(REDIS_PORT));
    }

    static ContainerServers start() {
        return new ContainerServers();
    }

    ServerEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        for (Startable container : List.of(kafka, postgres, mongo, redis)) {
            try {
                container.stop();
            } catch (RuntimeException ignored) {
                // Ryuk removes whatever is left when the JVM exits.
            }
        }
    }

    private static DockerImageName image(String server, String defaultImage) {
        return DockerImageName.parse(System.getProperty("flc.test-servers." + server + "-image", defaultImage));
    }
}
