package com.fastlightchat.command;

import com.fastlightchat.command.CommandSideTesting.Tenant;
import com.fastlightchat.command.routing.RoutingProcess;
import com.fastlightchat.command.user.UserMergeProcess;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import com.fastlightchat.testservers.api.ApiAnswers;
import com.fastlightchat.testservers.api.JsonArbitraries;
import com.fastlightchat.testservers.api.OpenApiOperations;
import com.fastlightchat.testservers.api.OpenApiOperations.Operation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.fastlightchat.command.CommandSideTesting.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based fuzzing (jqwik) of every command endpoint, generated from the service's OpenAPI document so that a
 * new endpoint is fuzzed the day it is added: random, malformed and hostile request bodies (shaped by the endpoint's
 * schema or not at all), sent with valid credentials at real resources, and random path values. Whatever comes, the
 * answer is never a 5xx, and an input that is refused (4xx) appends no event.
 */
class RequestFuzzIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(RequestFuzzIT.class);
    /** Processors that send commands of their own when events arrive: a refused request's check waits for them. */
    static final List<String> COMMANDING_PROCESSORS = List.of(RoutingProcess.PROCESSING_GROUP,
            UserMergeProcess.PROCESSING_GROUP);

    static ConfigurableApplicationContext app;
    static int port;
    static JdbcClient jdbc;
    static JsonNode docs;
    static List<Operation> operations;
    static Fixture fixture;

    /** One organization with a resource of each kind, and a credential of each caller kind. */
    record Fixture(Map<String, String> owner, Map<String, String> sdk, Map<String, String> integration,
                   Map<String, List<String>> ids) {

        List<String> idsFor(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (String kind : List.of("message", "chat", "agent", "team", "user", "environment", "organization")) {
                if (lower.contains(kind)) {
                    return ids.get(kind);
                }
            }
            return List.of();
        }

        /** The credentials the path's callers use; public endpoints get none. */
        Map<String, String> credentialsFor(String path) {
            if (path.startsWith("/v1/sdk/")) {
                return sdk;
            }
            if (path.startsWith("/v1/integration/")) {
                return integration;
            }
            if (path.startsWith("/v1/signup") || path.startsWith("/v1/auth/") || path.startsWith("/v1/agents/invitations")) {
                return Map.of();
            }
            return owner;
        }
    }

    record Attempt(Operation operation, String path, String body) {
        @Override
        public String toString() {
            return operation.method() + " " + path + " " + (body == null ? "" : body.substring(0, Math.min(300, body.length())));
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        Map<String, Object> properties = CommandSideTesting.properties(ISOLATION);
        properties.put("server.port", 0);
        // No snoozed chat wakes up by itself while a refused request is checked.
        properties.put("flc.command.scheduler-poll-interval", "1h");
        properties.put("flc.web.rate-limit.agent", "1000000/1m");
        properties.put("flc.web.rate-limit.user", "1000000/1m");
        properties.put("flc.web.rate-limit.plugin-key", "1000000/1m");
        properties.put("flc.web.rate-limit.api-key", "1000000/1m");
        properties.put("flc.web.rate-limit.address", "1000000/1m");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        app = new SpringApplicationBuilder(CommandSideApplication.class).run(arguments);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        jdbc = app.getBean(JdbcClient.class);
        docs = call(port, "GET", "/v3/api-docs", Map.of(), null, 200);
        operations = OpenApiOperations.of(docs);
        fixture = fixture();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static Fixture fixture() throws Exception {
        Tenant tenant = CommandSideTesting.signUp(port, "fuzz");
        Map<String, String> owner = CommandSideTesting.bearer(port, tenant);
        Map<String, String> sdk = CommandSideTesting.sdkUser(port, tenant.pluginKey());
        String chatId = call(port, "POST", "/v1/sdk/chats", sdk, null, 201).get("chatId").asString();
        String messageId = call(port, "POST", "/v1/sdk/chats/" + chatId + "/messages", sdk,
                Map.of("clientMessageId", "cm-fuzz", "text", "hello"), 201).get("messageId").asString();
        String agentId = call(port, "POST", "/v1/agents", owner, Map.of("email", "agent-" + UUID.randomUUID()
                + "@fuzz.test", "role", "agent"), 201).get("agentId").asString();
        String teamId = call(port, "POST", "/v1/teams", owner, Map.of("name", "Support"), 201).get("teamId").asString();
        String token = sdk.get("X-User-Token");
        String userId = JsonArbitraries.parse(new String(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]), StandardCharsets.UTF_8)).get("sub").asString();
        return new Fixture(owner, sdk, tenant.apiKey(), Map.of(
                "organization", List.of(tenant.organizationId()),
                "environment", List.of(tenant.environmentId()),
                "chat", List.of(chatId), "message", List.of(messageId),
                "agent", List.of(agentId, tenant.signUp().get("ownerAgentId").asString()),
                "team", List.of(teamId), "user", List.of(userId)));
    }

    @Property(tries = 400)
    void givenAnyInputToAnyEndpoint_whenSent_thenNever5xx_andRefusedInputChangesNothing(
            @ForAll("attempts") Attempt attempt) throws Exception {
        awaitQuiet();
        long before = events();

        HttpResponse<String> response = CommandSideTesting.send(port, attempt.operation().method(), attempt.path(),
                fixture.credentialsFor(attempt.operation().path()), attempt.body());

        if (ApiAnswers.refusedWithoutServerError(response, attempt)) {
            assertThat(events()).as("events after the refused " + attempt).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(operations).flatMap(operation -> operation.hasBody()
                ? JsonArbitraries.body(docs, operation.bodySchema(), fixture::idsFor)
                        .map(body -> new Attempt(operation, operation.fill(name -> fixture.idsFor(name).isEmpty()
                                ? "x" : fixture.idsFor(name).getFirst()), body))
                : JsonArbitraries.nastyStrings().map(value -> new Attempt(operation,
                        operation.fill(name -> URLEncoder.encode(pathValue(value), StandardCharsets.UTF_8)), null)));
    }

    /**
     * A path value of at most 200 characters: a request line over 8 KB is refused by the HTTP connector itself (400,
     * before any of our code runs), which is not what this property is about.
     */
    private static String pathValue(String value) {
        return value.isEmpty() ? "x" : value.substring(0, Math.min(200, value.length()));
    }

    /** Waits until the processors that send commands have handled every stored event. */
    private static void awaitQuiet() {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            long head = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry")
                    .query(Long.class).single();
            return COMMANDING_PROCESSORS.stream().allMatch(name -> processing
                    .eventProcessor(name, TrackingEventProcessor.class).orElseThrow()
                    .processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
        });
    }

    private static long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}
