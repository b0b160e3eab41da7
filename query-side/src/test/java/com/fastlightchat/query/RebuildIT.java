package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.query.chat.ChatStory;
import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Messages;
import com.fastlightchat.query.rebuild.RebuildCommand;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding every read model from a few thousand generated events gives exactly the live models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(RebuildIT.class);
    static final String ADMIN_TOKEN = "operator-token-for-rebuild-tests";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int CHATS = 20;
    static final int MESSAGES_PER_CHAT = 120;
    static final List<String> SETTINGS = List.of(
            "--spring.datasource.url=" + ISOLATION.postgresJdbcUrl(),
            "--spring.datasource.username=" + ISOLATION.servers().postgresUser(),
            "--spring.datasource.password=" + ISOLATION.servers().postgresPassword(),
            "--spring.kafka.bootstrap-servers=" + ISOLATION.servers().kafkaBootstrapServers(),
            "--spring.mongodb.uri=" + ISOLATION.servers().mongoUri(),
            "--spring.mongodb.database=" + ISOLATION.mongoDatabase(),
            "--flc.query.topic-prefix=" + ISOLATION.topicPrefix(),
            "--flc.query.token-secret=rebuild-integration-test-secret-0123456789");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        ISOLATION.springBootProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("flc.query.topic-prefix", ISOLATION::topicPrefix);
        registry.add("flc.query.token-secret", () -> "rebuild-integration-test-secret-0123456789");
        registry.add("flc.query.admin-token", () -> ADMIN_TOKEN);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JdbcClient jdbc;

    static long published;
    static long lastSequences;

    @BeforeAll
    static void generateEvents() throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ISOLATION.servers().kafkaBootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        var org = new OrganizationId("org_rebuild");
        var env = new EnvironmentId("env_rebuild");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            sends.add(send(producer, EventEnvelope.of(UUID.randomUUID().toString(), 1,
                    Instant.parse("2026-11-22T08:00:00Z"), null, null,
                    new EnvironmentCreated(org, env, "production", "pk_rebuild", "ak_rebuild", "hash"))));
            for (int c = 0; c < CHATS; c++) {
                var user = new UserId("usr_rebuild_" + c);
                var chat = new ChatStory(org, env, "ch_rebuild_" + c, user, Instant.parse("2026-11-22T08:00:00Z"),
                        Duration.ofSeconds(1)).opened();
                for (int m = 0; m < MESSAGES_PER_CHAT; m++) {
                    var visibility = m % 10 == 9 ? Visibility.INTERNAL : Visibility.PUBLIC;
                    var author = m % 2 == 0 ? Actor.user(user.value()) : Actor.agent("ag_rebuild");
                    chat.posted("msg_" + c + "_" + m, author, visibility, "message " + m + " of chat " + c);
                }
                chat.readByUser(60).readByAgent("ag_rebuild", 100)
                        .edited("msg_" + c + "_1", Actor.agent("ag_rebuild"), "edited reply of chat " + c)
                        .deleted("msg_" + c + "_" + (MESSAGES_PER_CHAT - 1), Actor.agent("ag_rebuild"))
                        .assigned("ag_rebuild", "team_rebuild").tagged("rebuild")
                        .priority(Priority.values()[c % Priority.values().length], Priority.NORMAL);
                switch (c % 3) {
                    case 0 -> chat.closed();
                    case 1 -> chat.snoozed(Instant.parse("2026-11-23T08:00:00Z")).reopened(ReopenReason.SNOOZE_ENDED);
                    default -> chat.closed().reopened(ReopenReason.USER_MESSAGE).userSays("msg_" + c + "_again", "back");
                }
                for (EventEnvelope envelope : chat.events()) {
                    sends.add(send(producer, envelope));
                }
                lastSequences += chat.sequence();
            }
            for (var send : sends) {
                send.get();
            }
            published = sends.size();
        }
    }

    private static java.util.concurrent.Future<?> send(KafkaProducer<String, byte[]> producer, EventEnvelope envelope) {
        String topic = Topics.prefixed(ISOLATION.topicPrefix(), envelope.payload().aggregateType().topic());
        return producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), EventCodec.encode(envelope)));
    }

    private void awaitLiveModelsCaughtUp() {
        await().atMost(Duration.ofSeconds(90)).until(() ->
                mongo.getCollection(Messages.COLLECTION).countDocuments() == (long) CHATS * MESSAGES_PER_CHAT + CHATS / 3
                        && mongo.findAll(ChatSummary.class, Chats.COLLECTION).stream()
                                .mapToLong(ChatSummary::lastSequence).sum() == lastSequences
                        && jdbc.sql("select count(*) from audit_events").query(Long.class).single() == published);
    }

    @Test
    void givenThousandsOfEvents_whenRebuildingEachReadModel_thenRebuiltEqualsLive() throws Exception {
        awaitLiveModelsCaughtUp();
        for (String model : List.of("messages", "chats", "environments", "audit")) {
            JsonNode report = rebuild(model, 200);
            assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("liveCount").asInt()).isEqualTo(report.get("rebuiltCount").asInt()).isPositive();
            System.out.printf("rebuild %s: %d events in %.2f s = %.0f events/s%n", model, report.get("events").asLong(),
                    report.get("seconds").asDouble(), report.get("eventsPerSecond").asDouble());
        }
        assertThat(rebuild("messages", 200).get("events").asLong()).isEqualTo(published - 1);
    }

    @Test
    void givenTamperedLiveDocument_whenRebuilding_thenTheDifferenceIsReported() throws Exception {
        awaitLiveModelsCaughtUp();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("msg_3_4")), Update.update("text", "tampered"),
                Messages.COLLECTION);
        try {
            JsonNode report = rebuild("messages", 200);
            assertThat(report.get("equal").asBoolean()).isFalse();
            assertThat(report.get("differences").toString()).contains("msg_3_4").contains("DIFFERENT");
        } finally {
            mongo.updateFirst(Query.query(Criteria.where("_id").is("msg_3_4")),
                    Update.update("text", "message 4 of chat 3"), Messages.COLLECTION);
        }
    }

    @Test
    void givenCommandLine_whenRebuildingAuditTrail_thenProgressAndEqualReportPrintedAndExitCodeZero() {
        awaitLiveModelsCaughtUp();
        var out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("rebuild", "audit"));
        args.addAll(SETTINGS);
        int exit = RebuildCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("events/s").contains("EQUAL").contains("[####");
        assertThat(exit).as(printed).isZero();
    }

    @Test
    void givenWrongOrMissingAdminToken_whenRebuilding_thenRefused() throws Exception {
        assertThat(post("/v1/admin/rebuilds/messages", "wrong").statusCode()).isEqualTo(401);
        assertThat(post("/v1/admin/rebuilds/nothing", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    private JsonNode rebuild(String model, int expectedStatus) throws Exception {
        HttpResponse<String> response = post("/v1/admin/rebuilds/" + model, ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Admin-Token", token).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

}
