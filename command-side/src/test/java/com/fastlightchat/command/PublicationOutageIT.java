package com.fastlightchat.command;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.EmbeddedServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the Kafka broker stopped, commands still succeed (the event store is the source of truth); when the broker
 * is back the publisher catches up, in order, without losing or reordering anything. Runs on servers of its own,
 * because it stops the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // close the context while its servers still run; the servers stop with the JVM (shutdown hook)
class PublicationOutageIT {

    static final EmbeddedServers SERVERS = startServers();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        var endpoints = SERVERS.endpoints();
        registry.add("spring.datasource.url", () -> endpoints.postgresJdbcUrl("outage"));
        registry.add("spring.datasource.username", endpoints::postgresUser);
        registry.add("spring.datasource.password", endpoints::postgresPassword);
        registry.add("spring.kafka.bootstrap-servers", endpoints::kafkaBootstrapServers);
        registry.add("flc.command.token-secret", () -> "outage-test-secret-0123456789abcdefghij");
        registry.add("flc.command.publish-timeout", () -> "2s");
        registry.add("flc.command.secrets-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    @LocalServerPort
    int port;
    /** The service's own codec: message texts on Kafka are sealed with the users' keys. */
    @Autowired
    EnvelopeCodec codec;

    @Test
    void givenBrokerDown_whenUserPosts_thenCommandsSucceedAndPublicationCatchesUpInOrder() throws Exception {
        String pluginKey = call("/v1/signup", Map.of(), Map.of("organizationName", "Outage Inc",
                "ownerEmail", "owner@outage.test", "ownerPassword", "long enough password"), 201)
                .get("pluginKey").asString();
        String token = call("/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), Map.of(), 200).get("userToken").asString();
        var sdk = Map.of("X-Plugin-Key", pluginKey, "X-User-Token", token);
        String chatId = call("/v1/sdk/chats", sdk, Map.of(), 201).get("chatId").asString();
        List<EventEnvelope> seen = new ArrayList<>();
        try (var consumer = consumer()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, codec, chatId, seen) >= 1);

            SERVERS.stopKafka();
            try {
                for (int i = 1; i <= 5; i++) {
                    call("/v1/sdk/chats/" + chatId + "/messages", sdk,
                            Map.of("clientMessageId", "during-outage-" + i, "text", "message " + i), 201);
                }
            } finally {
                SERVERS.startKafka();
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> poll(consumer, codec, chatId, seen) >= 6);
        }
        assertThat(seen).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen.subList(1, 6)).extracting(e -> e.payloadAs(MessagePosted.class).content().text())
                .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
    }

    /** Adds this chat's new events (dropping redeliveries by sequence) and returns how many there are. */
    private static int poll(KafkaConsumer<String, byte[]> consumer, EnvelopeCodec codec, String chatId,
                            List<EventEnvelope> seen) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (chatId.equals(record.key())) {
                EventEnvelope envelope = codec.decode(record.value());
                if (seen.stream().noneMatch(e -> e.sequence() == envelope.sequence())) {
                    seen.add(envelope);
                }
            }
        });
        return seen.size();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.endpoints().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CHAT_EVENTS));
        return consumer;
    }

    private JsonNode call(String path, Map<String, String> headers, Object body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static EmbeddedServers startServers() {
        try {
            EmbeddedServers servers = EmbeddedServers.start(EmbeddedServers.Ports.random(),
                    Files.createTempDirectory("flc-outage"), EmbeddedServers.Durability.FAST);
            try (var connection = DriverManager.getConnection(servers.endpoints().postgresJdbcUrl("postgres"),
                    servers.endpoints().postgresUser(), servers.endpoints().postgresPassword());
                 var statement = connection.createStatement()) {
                statement.execute("create database outage");
            }
            return servers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
