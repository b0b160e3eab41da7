package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The query side on real Kafka, PostgreSQL and the Mongo wire server: projections, idempotency, SDK queries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuerySideIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(QuerySideIT.class);
    static final String SECRET = "query-integration-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final OrganizationId ORG = new OrganizationId("org_q1");
    static final EnvironmentId ENV = new EnvironmentId("env_q1");
    static final UserId USER = new UserId("usr_q1");
    static final String PLUGIN_KEY = "pk_query_it";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
    }

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenEventsDeliveredTwice_whenQueryingChat_thenEachMessageOnceInOrderWithoutInternalNotes() throws Exception {
        publish(1, new EnvironmentCreated(ORG, ENV, "production", PLUGIN_KEY, "ak_q", "hash"), "evt-env-" + UUID.randomUUID());
        ChatId chat = new ChatId("ch_" + UUID.randomUUID().toString().replace("-", ""));
        var opened = new ChatOpened(ORG, chat, ENV, USER, Actor.user(USER.value()));
        var hello = posted(chat, "msg_a", "cm_a", Visibility.PUBLIC, "hello");
        var note = posted(chat, "msg_b", "cm_b", Visibility.INTERNAL, "internal note");
        var reply = posted(chat, "msg_c", "cm_c", Visibility.PUBLIC, "how can we help?");
        String openedId = UUID.randomUUID().toString();
        String helloId = UUID.randomUUID().toString();
        publish(1, opened, openedId);
        publish(2, hello, helloId);
        publish(3, note, UUID.randomUUID().toString());
        publish(4, reply, UUID.randomUUID().toString());
        // redelivery, as after a consumer rebalance
        publish(1, opened, openedId);
        publish(2, hello, helloId);

        var sdk = Map.of("X-Plugin-Key", PLUGIN_KEY, "X-User-Token", userToken(USER));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = get("/v1/sdk/chats/" + chat.value() + "/messages?after=0", sdk);
            return response.statusCode() == 200 && JSON.readTree(response.body()).get("lastSequence").asLong() == 4
                    && JSON.readTree(response.body()).get("messages").size() == 2;
        });
        JsonNode page = JSON.readTree(get("/v1/sdk/chats/" + chat.value() + "/messages?after=0", sdk).body());
        assertThat(page.get("messages").findValuesAsString("text")).containsExactly("hello", "how can we help?");
        assertThat(page.get("messages").findValuesAsString("messageId")).containsExactly("msg_a", "msg_c");
        assertThat(page.get("messages").get(0).get("author").get("kind").asString()).isEqualTo("user");
        assertThat(page.get("messages").get(0).get("visibility").asString()).isEqualTo("public");

        JsonNode catchUp = JSON.readTree(get("/v1/sdk/chats/" + chat.value() + "/messages?after=2", sdk).body());
        assertThat(catchUp.get("messages").findValuesAsString("messageId")).containsExactly("msg_c");
    }

    @Test
    void givenQueryAwaitingASequence_whenEventsArriveLater_thenAnswerIncludesThemAndIsFresh() throws Exception {
        publish(1, new EnvironmentCreated(ORG, ENV, "production", PLUGIN_KEY, "ak_q", "hash"), "evt-env-" + UUID.randomUUID());
        ChatId chat = new ChatId("ch_" + UUID.randomUUID().toString().replace("-", ""));
        publish(1, new ChatOpened(ORG, chat, ENV, USER, Actor.user(USER.value())), UUID.randomUUID().toString());
        var sdk = Map.of("X-Plugin-Key", PLUGIN_KEY, "X-User-Token", userToken(USER));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/sdk/chats/" + chat.value(), sdk).statusCode() == 200);

        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return get("/v1/sdk/chats/" + chat.value() + "/messages?after=0&awaitSequence=4&awaitMillis=5000", sdk);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 2; i <= 4; i++) {
            publish(i, posted(chat, "msg_" + i, "cm_" + i, Visibility.PUBLIC, "text " + i), UUID.randomUUID().toString());
        }
        HttpResponse<String> answer = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.headers().firstValue("X-Read-Model-Stale")).hasValue("false");
        assertThat(JSON.readTree(answer.body()).get("messages").findValuesAsString("text"))
                .containsExactly("text 2", "text 3", "text 4");

        JsonNode older = JSON.readTree(get("/v1/sdk/chats/" + chat.value() + "/messages?before=4&limit=2", sdk).body());
        assertThat(older.get("messages").findValuesAsString("messageId")).containsExactly("msg_2", "msg_3");

        HttpResponse<String> stale = get("/v1/sdk/chats/" + chat.value() + "/messages?awaitSequence=99&awaitMillis=100", sdk);
        assertThat(stale.headers().firstValue("X-Read-Model-Stale")).hasValue("true");
    }

    @Test
    void givenChatEventsIncludingUnknownTypeAndRedelivery_whenAdminExportsAudit_thenEveryEventOnceInOrder() throws Exception {
        ChatId chat = new ChatId("ch_" + UUID.randomUUID().toString().replace("-", ""));
        String openedId = UUID.randomUUID().toString();
        var opened = new ChatOpened(ORG, chat, ENV, USER, Actor.user(USER.value()));
        publish(1, opened, openedId);
        publish(2, posted(chat, "msg_audit", "cm_audit", Visibility.INTERNAL, "note for the audit"), UUID.randomUUID().toString());
        String future = """
                {"eventId":"%s","type":"chat.something-new","version":7,"aggregateType":"chat","aggregateId":"%s",
                 "sequence":3,"organizationId":"%s","occurredAt":"2026-11-22T10:00:00Z","causationId":null,
                 "correlationId":null,"payload":{"chatId":"%s"}}""".formatted(UUID.randomUUID(), chat.value(), ORG.value(), chat.value());
        SUPPORT.producer().send(new ProducerRecord<>(Topics.prefixed(ISOLATION.topicPrefix(), Topics.CHAT_EVENTS), chat.value(),
                future.getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        publish(1, opened, openedId);

        var admin = agent(ORG, "ADMIN");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> export = get("/v1/audit/aggregates/" + chat.value(), admin);
            return export.statusCode() == 200 && export.body().lines().count() == 3;
        });
        HttpResponse<String> export = get("/v1/audit/aggregates/" + chat.value(), admin);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.body().lines().map(line -> JSON.readTree(line).get("type").asString()).toList())
                .containsExactly("chat.opened", "chat.message-posted", "chat.something-new");

        var plainAgent = agent(ORG, "AGENT");
        assertThat(get("/v1/audit/aggregates/" + chat.value(), plainAgent).statusCode()).isEqualTo(403);
        var otherOrganization = agent(new OrganizationId("org_other"), "OWNER");
        assertThat(get("/v1/audit/aggregates/" + chat.value(), otherOrganization).statusCode()).isEqualTo(404);
        assertThat(get("/v1/audit/aggregates/" + chat.value(), Map.of()).statusCode()).isEqualTo(401);
    }

    private static Map<String, String> agent(OrganizationId organization, String role) {
        return SUPPORT.agent(organization.value(), "ag_" + role.toLowerCase(), role);
    }

    @Test
    void givenPluginKeyRotated_whenQuerying_thenOldKeyRefusedAndNewKeyAccepted() throws Exception {
        var org = new OrganizationId("org_rotation");
        var env = new EnvironmentId("env_rotation");
        var user = new UserId("usr_rotation");
        publish(1, new EnvironmentCreated(org, env, "production", "pk_rotation_old", "ak_rotation", "hash"), UUID.randomUUID().toString());
        ChatId chat = new ChatId("ch_" + UUID.randomUUID().toString().replace("-", ""));
        publish(1, new ChatOpened(org, chat, env, user, Actor.user(user.value())), UUID.randomUUID().toString());
        String token = SUPPORT.userToken(org.value(), env.value(), user.value());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/sdk/chats/" + chat.value(),
                Map.of("X-Plugin-Key", "pk_rotation_old", "X-User-Token", token)).statusCode() == 200);

        String rotationId = UUID.randomUUID().toString();
        var rotated = new PluginKeyRotated(org, env, "pk_rotation_new", "pk_rotation_old", Actor.agent("ag_owner"));
        publish(2, rotated, rotationId);
        publish(2, rotated, rotationId);

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/sdk/chats/" + chat.value(),
                Map.of("X-Plugin-Key", "pk_rotation_new", "X-User-Token", token)).statusCode() == 200);
        assertThat(get("/v1/sdk/chats/" + chat.value(), Map.of("X-Plugin-Key", "pk_rotation_old", "X-User-Token", token))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void givenChatOfAnotherUser_whenQuerying_thenNotFound() throws Exception {
        publish(1, new EnvironmentCreated(ORG, ENV, "production", PLUGIN_KEY, "ak_q", "hash"), "evt-env-" + UUID.randomUUID());
        ChatId chat = new ChatId("ch_" + UUID.randomUUID().toString().replace("-", ""));
        publish(1, new ChatOpened(ORG, chat, ENV, USER, Actor.user(USER.value())), UUID.randomUUID().toString());
        var owner = Map.of("X-Plugin-Key", PLUGIN_KEY, "X-User-Token", userToken(USER));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/sdk/chats/" + chat.value(), owner).statusCode() == 200);

        var stranger = Map.of("X-Plugin-Key", PLUGIN_KEY, "X-User-Token", userToken(new UserId("usr_other")));
        assertThat(get("/v1/sdk/chats/" + chat.value(), stranger).statusCode()).isEqualTo(404);
        assertThat(get("/v1/sdk/chats/" + chat.value() + "/messages", stranger).statusCode()).isEqualTo(404);
        var noKey = Map.of("X-User-Token", userToken(USER));
        assertThat(get("/v1/sdk/chats/" + chat.value(), noKey).statusCode()).isEqualTo(401);
        HttpResponse<String> badLimit = get("/v1/sdk/chats/" + chat.value() + "/messages?limit=0", owner);
        assertThat(badLimit.statusCode()).isEqualTo(422);
        assertThat(badLimit.body()).contains("\"field\":\"limit\"");
    }

    @Test
    void givenRealServers_whenAskingHealth_thenUpIncludingMongo() throws Exception {
        HttpResponse<String> health = get("/actuator/health", Map.of());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }

    private static MessagePosted posted(ChatId chat, String messageId, String clientId, Visibility visibility, String text) {
        Actor author = visibility == Visibility.INTERNAL ? Actor.agent("ag_1") : Actor.user(USER.value());
        return new MessagePosted(ORG, chat, USER, new MessageId(messageId), new ClientMessageId(clientId), author,
                visibility, MessageContent.text(text));
    }

    private static void publish(long sequence, DomainEvent event, String eventId) {
        SUPPORT.publish(EventEnvelope.of(eventId, sequence, Instant.now(), null, null, event));
    }

    private static String userToken(UserId user) {
        return SUPPORT.userToken(ORG.value(), ENV.value(), user.value());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return QueryTestSupport.get(port, path, headers);
    }
}
