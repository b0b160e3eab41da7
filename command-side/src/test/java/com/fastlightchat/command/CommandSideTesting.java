package com.fastlightchat.command;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.nio.charset.StandardCharsets;
import static org.awaitility.Awaitility.await;

import com.fastlightchat.testservers.Isolation;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command side's integration tests share: the servers' settings, and REST calls made as a client would. */
public final class CommandSideTesting {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CommandSideTesting() {
    }

    /** Points the application at the isolation's PostgreSQL, Kafka and Redis (rate limits), with test secrets. */
    public static void registerProperties(Isolation isolation, DynamicPropertyRegistry registry) {
        properties(isolation).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The same settings as {@link #registerProperties}, for an application started by hand. */
    public static Map<String, Object> properties(Isolation isolation) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(isolation.springBootProperties());
        properties.put("flc.command.topic-prefix", isolation.topicPrefix());
        properties.put("flc.command.topic-partitions", 3);
        properties.put("flc.command.token-secret", "integration-test-secret-0123456789abcdef");
        properties.put("flc.command.secrets-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        properties.put("flc.web.rate-limit.key-prefix", isolation.redisKeyPrefix() + "rl:");
        return properties;
    }

    /** Sends {@code body} as JSON (none when null) and returns the JSON answer, asserting {@code expectedStatus}. */
    public static JsonNode call(int port, String method, String path, Map<String, String> headers, Object body,
                                int expectedStatus) throws Exception {
        HttpResponse<String> response = send(port, method, path, headers,
                body == null ? null : JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** An organization made by {@link #signUp}: the sign-up answer and its owner's credentials. */
    public record Tenant(JsonNode signUp, String ownerLogin, String ownerPassword) {

        public String organizationId() {
            return signUp.get("organizationId").asString();
        }

        public String environmentId() {
            return signUp.get("environmentId").asString();
        }

        public String pluginKey() {
            return signUp.get("pluginKey").asString();
        }

        public Map<String, String> apiKey() {
            return Map.of("X-API-Key", signUp.get("apiKey").asString(), "X-API-Secret", signUp.get("apiSecret").asString());
        }
    }

    /** Signs up a new organization with a random owner login. */
    public static Tenant signUp(int port, String name) throws Exception {
        String login = "owner-" + UUID.randomUUID() + "@" + name.toLowerCase() + ".test";
        String password = "a long enough password";
        JsonNode answer = call(port, "POST", "/v1/signup", Map.of(), Map.of("organizationName", name,
                "ownerEmail", login, "ownerPassword", password), 201);
        return new Tenant(answer, login, password);
    }

    /** The owner's {@code Authorization} header. */
    public static Map<String, String> bearer(int port, Tenant tenant) throws Exception {
        return Map.of("Authorization", "Bearer " + call(port, "POST", "/v1/auth/login", Map.of(),
                Map.of("login", tenant.ownerLogin(), "password", tenant.ownerPassword()), 200).get("accessToken").asString());
    }

    /** The SDK headers of a new anonymous user of the environment with {@code pluginKey}. */
    public static Map<String, String> sdkUser(int port, String pluginKey) throws Exception {
        String token = call(port, "POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), Map.of(), 200)
                .get("userToken").asString();
        return Map.of("X-Plugin-Key", pluginKey, "X-User-Token", token);
    }

    /** Sends {@code body} (JSON text, none when null) as a client would and returns the whole response. */
    public static HttpResponse<String> send(int port, String method, String path, Map<String, String> headers,
                                            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The chat's events as published on Kafka, in order, waiting until at least {@code expected} arrived, read with
     * {@code codec} (the service's own, which opens personal data).
     */
    public static List<EventEnvelope> consumeChatEvents(Isolation isolation, EnvelopeCodec codec, String chatId,
                                                        int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, isolation.servers().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.prefixed(isolation.topicPrefix(), Topics.CHAT_EVENTS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (chatId.equals(record.key())) {
                        received.add(codec.decode(record.value()));
                    }
                });
                return received.size() >= expected;
            });
        }
        return received;
    }

    /** Every record on the isolation's topics as published (UTF-8 JSON), read until one matches {@code last}. */
    public static List<String> publishedRecords(Isolation isolation, Predicate<String> last) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, isolation.servers().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Topics.ALL.stream().map(topic -> Topics.prefixed(isolation.topicPrefix(), topic)).toList());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> received.add(new String(record.value(), StandardCharsets.UTF_8)));
                return received.stream().anyMatch(last);
            });
        }
        return received;
    }
}
