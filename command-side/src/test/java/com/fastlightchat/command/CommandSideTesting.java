package com.fastlightchat.command;

import com.fastlightchat.kernel.envelope.EventCodec;
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
        isolation.springBootProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("flc.command.topic-prefix", isolation::topicPrefix);
        registry.add("flc.command.topic-partitions", () -> 3);
        registry.add("flc.command.token-secret", () -> "integration-test-secret-0123456789abcdef");
        registry.add("flc.command.secrets-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("flc.web.rate-limit.key-prefix", () -> isolation.redisKeyPrefix() + "rl:");
    }

    /** Sends {@code body} as JSON (none when null) and returns the JSON answer, asserting {@code expectedStatus}. */
    public static JsonNode call(int port, String method, String path, Map<String, String> headers, Object body,
                                int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** The chat's events as published on Kafka, in order, waiting until at least {@code expected} arrived. */
    public static List<EventEnvelope> consumeChatEvents(Isolation isolation, String chatId, int expected) {
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
                        received.add(EventCodec.decode(record.value()));
                    }
                });
                return received.size() >= expected;
            });
        }
        return received;
    }
}
