package com.fastlightchat.command.chat;

import com.fastlightchat.command.CommandSideTesting;
import com.fastlightchat.command.agent.AddAgent;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chats on real PostgreSQL and Kafka: the agent's whole flow, snooze wake-ups (also by a fresh scheduler), gapless
 * sequences on Kafka, loading from snapshots (threshold 5 here), cross-tenant 404s and bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatsIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(ChatsIT.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        ISOLATION.springBootProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("flc.command.topic-prefix", ISOLATION::topicPrefix);
        registry.add("flc.command.topic-partitions", () -> 3);
        registry.add("flc.command.token-secret", () -> "integration-test-secret-0123456789abcdef");
        registry.add("flc.command.secrets-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("flc.command.snapshot-threshold", () -> 5);
        registry.add("flc.command.scheduler-poll-interval", () -> "200ms");
    }

    /** One signed-up organization as its callers see it. */
    record Tenant(String organizationId, String ownerAgentId, Map<String, String> owner,
                  Map<String, String> integration, String pluginKey) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ChatWakeUps wakeUps;
    @Autowired
    EnvelopeCodec codec;

    Tenant acme;
    Tenant other;

    @BeforeEach
    void signUp() throws Exception {
        acme = signUp("Acme");
        other = signUp("Other");
    }

    @Test
    void givenAgent_whenWorkingAChatFromOpenToClose_thenEveryStepIsStoredAndPublishedGaplessAndAUserMessageReopens()
            throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/chats", acme.owner(), Map.of("userId", user.userId()), 201)
                .get("chatId").asString();
        String chat = "/v1/chats/" + chatId;

        JsonNode reply = call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1",
                "text", "Hello Jonas, here is your invoice", "attachments", List.of(Map.of("key", "org/ch/att_1.pdf",
                        "fileName", "invoice.pdf", "contentType", "application/pdf", "size", 248311))), 201);
        assertThat(reply.get("sequence").asLong()).isEqualTo(2);
        String replyId = reply.get("messageId").asString();
        call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-2", "text", "VIP customer",
                "visibility", "internal"), 201);
        String userMessage = call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-1", "text", "Thanks! Wrong amount though"), 201).get("messageId").asString();

        assertThat(call("PATCH", chat + "/messages/" + replyId, acme.owner(), Map.of("text", "Hello Jonas, here is "
                + "your corrected invoice"), 200).get("sequence").asLong()).isEqualTo(5);
        assertThat(call("PATCH", chat + "/messages/" + replyId, acme.owner(), Map.of("text", "Hello Jonas, here is "
                + "your corrected invoice"), 200).get("sequence").asLong()).as("same text: no-op").isEqualTo(5);
        call("PATCH", "/v1/sdk/chats/" + chatId + "/messages/" + userMessage, user.headers(),
                Map.of("text", "Thanks!"), 200);
        call("DELETE", "/v1/sdk/chats/" + chatId + "/messages/" + userMessage, user.headers(), null, 200);
        call("PATCH", "/v1/sdk/chats/" + chatId + "/messages/" + userMessage, user.headers(),
                Map.of("text", "again"), 409);
        call("PATCH", chat + "/messages/" + userMessage, acme.owner(), Map.of("text", "not mine"), 403);

        call("POST", "/v1/sdk/chats/" + chatId + "/read", user.headers(), Map.of("upTo", 7), 200);
        assertThat(call("POST", "/v1/sdk/chats/" + chatId + "/read", user.headers(), Map.of("upTo", 3), 200)
                .get("sequence").asLong()).as("backwards: no-op").isEqualTo(8);
        call("POST", chat + "/read", acme.owner(), Map.of("upTo", 8), 200);
        call("PUT", chat + "/assignment", acme.owner(), Map.of("agentId", acme.ownerAgentId(), "teamId", "team_support"), 200);
        call("DELETE", chat + "/assignment", acme.owner(), null, 200);
        call("PUT", chat + "/assignment", acme.owner(), Map.of("teamId", "team_billing"), 200);
        call("POST", chat + "/tags", acme.owner(), Map.of("tag", "billing"), 200);
        call("POST", chat + "/tags", acme.owner(), Map.of("tag", "refund"), 200);
        call("DELETE", chat + "/tags/refund", acme.owner(), null, 200);
        call("PUT", chat + "/priority", acme.owner(), Map.of("priority", "urgent"), 200);
        call("POST", chat + "/close", acme.owner(), null, 200);
        call("POST", chat + "/close", acme.owner(), null, 200);
        JsonNode reopening = call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-2", "text", "One more question"), 201);

        List<String> types = eventTypes(chatId);
        assertThat(types).containsExactly("chat.opened", "chat.message-posted", "chat.message-posted",
                "chat.message-posted", "chat.message-edited", "chat.message-edited", "chat.message-deleted",
                "chat.read-by-user", "chat.read-by-agent", "chat.assigned", "chat.unassigned", "chat.assigned",
                "chat.tagged", "chat.tagged", "chat.untagged", "chat.priority-changed", "chat.closed",
                "chat.reopened", "chat.message-posted");
        assertThat(reopening.get("sequence").asLong()).isEqualTo(types.size());

        List<EventEnvelope> published = CommandSideTesting.consumeChatEvents(ISOLATION, codec, chatId, types.size());
        assertThat(published).extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, types.size()).boxed().toList());
        assertThat(published).extracting(EventEnvelope::type).containsExactlyElementsOf(types);
        assertThat(published.get(17).payloadAs(ChatReopened.class).reason()).isEqualTo(ReopenReason.USER_MESSAGE);
        assertThat(published).allSatisfy(e -> assertThat(e.organizationId()).isEqualTo(acme.organizationId()));
    }

    @Test
    void givenLongChat_whenLoadedFromItsSnapshot_thenRetriesAndEditsAreStillRecognised() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/sdk/chats", user.headers(), null, 201).get("chatId").asString();
        JsonNode first = call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-1", "text", "first"), 201);
        for (int i = 2; i <= 8; i++) {
            call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                    Map.of("clientMessageId", "u-" + i, "text", "message " + i), 201);
        }
        call("POST", "/v1/chats/" + chatId + "/tags", acme.owner(), Map.of("tag", "long"), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from snapshot_event_entry where aggregate_identifier = :id")
                .param("id", chatId).query(Long.class).single() > 0);
        String snapshot = jdbc.sql("select convert_from(payload, 'UTF8') from snapshot_event_entry "
                + "where aggregate_identifier = :id order by sequence_number desc limit 1")
                .param("id", chatId).query(String.class).single();
        assertThat(snapshot).contains("USER:" + user.userId() + ":u-1").doesNotContain("message 2");

        JsonNode retry = call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-1", "text", "first"), 200);
        JsonNode sameEdit = call("PATCH", "/v1/sdk/chats/" + chatId + "/messages/" + first.get("messageId").asString(),
                user.headers(), Map.of("text", "first"), 200);
        JsonNode sameTag = call("POST", "/v1/chats/" + chatId + "/tags", acme.owner(), Map.of("tag", "long"), 200);
        JsonNode next = call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-9", "text", "ninth"), 201);

        assertThat(retry.get("messageId").asString()).isEqualTo(first.get("messageId").asString());
        assertThat(retry.get("sequence").asLong()).isEqualTo(2);
        assertThat(sameEdit.get("sequence").asLong()).isEqualTo(10);
        assertThat(sameTag.get("sequence").asLong()).isEqualTo(10);
        assertThat(next.get("sequence").asLong()).isEqualTo(11);
        assertThat(eventTypes(chatId)).hasSize(11);
    }

    @Test
    void givenChatSnoozedTwoSecondsAhead_whenTheDeadlinePasses_thenItReopensByItself() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/sdk/chats", user.headers(), null, 201).get("chatId").asString();

        call("POST", "/v1/chats/" + chatId + "/snooze", acme.owner(),
                Map.of("until", Instant.now().plusSeconds(2).toString()), 200);
        assertThat(wakeUpRows(chatId)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(chatId).getLast().equals("chat.reopened"));
        assertThat(wakeUpRows(chatId)).isZero();
        assertThat(eventTypes(chatId)).containsExactly("chat.opened", "chat.snoozed", "chat.reopened");
        EventEnvelope reopened = CommandSideTesting.consumeChatEvents(ISOLATION, codec, chatId, 3).getLast();
        assertThat(reopened.payloadAs(ChatReopened.class).reason()).isEqualTo(ReopenReason.SNOOZE_ENDED);
    }

    @Test
    void givenStoredWakeUp_whenAFreshSchedulerPollsAfterTheDeadline_thenItWakesTheChatOnceAndOnlyOnce() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/sdk/chats", user.headers(), null, 201).get("chatId").asString();
        Instant until = Instant.now().plus(Duration.ofDays(1));
        call("POST", "/v1/chats/" + chatId + "/snooze", acme.owner(), Map.of("until", until.toString()), 200);
        // a scheduler that knows nothing but the database, as after a restart, running a day later
        Clock dayLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(1).plusMinutes(1));
        var fresh = new ChatWakeUpScheduler(wakeUps, commands, dayLater);

        fresh.wakeDueChats();
        fresh.wakeDueChats();

        assertThat(wakeUpRows(chatId)).isZero();
        assertThat(eventTypes(chatId)).containsExactly("chat.opened", "chat.snoozed", "chat.reopened");
    }

    @Test
    void givenChatOfAnotherOrganization_whenAnyChatEndpointIsCalled_thenNotFoundAndNothingWritten() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/sdk/chats", user.headers(), null, 201).get("chatId").asString();
        String messageId = call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-1", "text", "hi"), 201).get("messageId").asString();
        var stranger = bootUser(other);
        long before = eventCount();
        String chat = "/v1/chats/" + chatId;
        String sdkChat = "/v1/sdk/chats/" + chatId;
        var message = Map.of("clientMessageId", "x-1", "text", "let me in");

        call("POST", "/v1/chats", other.owner(), Map.of("userId", user.userId()), 404);
        call("POST", "/v1/integration/chats", other.integration(), Map.of("userId", user.userId()), 404);
        call("POST", chat + "/messages", other.owner(), message, 404);
        call("PATCH", chat + "/messages/" + messageId, other.owner(), Map.of("text", "x"), 404);
        call("DELETE", chat + "/messages/" + messageId, other.owner(), null, 404);
        call("POST", chat + "/read", other.owner(), Map.of("upTo", 1), 404);
        call("PUT", chat + "/assignment", other.owner(), Map.of("agentId", other.ownerAgentId()), 404);
        call("DELETE", chat + "/assignment", other.owner(), null, 404);
        call("POST", chat + "/snooze", other.owner(), Map.of("until", Instant.now().plusSeconds(60).toString()), 404);
        call("POST", chat + "/close", other.owner(), null, 404);
        call("POST", chat + "/reopen", other.owner(), null, 404);
        call("POST", chat + "/tags", other.owner(), Map.of("tag", "x"), 404);
        call("DELETE", chat + "/tags/x", other.owner(), null, 404);
        call("PUT", chat + "/priority", other.owner(), Map.of("priority", "high"), 404);
        call("POST", "/v1/integration/chats/" + chatId + "/messages", other.integration(), message, 404);
        call("POST", sdkChat + "/messages", stranger.headers(), message, 404);
        call("PATCH", sdkChat + "/messages/" + messageId, stranger.headers(), Map.of("text", "x"), 404);
        call("DELETE", sdkChat + "/messages/" + messageId, stranger.headers(), null, 404);
        call("POST", sdkChat + "/read", stranger.headers(), Map.of("upTo", 1), 404);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void givenIntegration_whenOpeningAChatAndPosting_thenBotMessagesButNoNotes() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/integration/chats", acme.integration(), Map.of("userId", user.userId()), 201)
                .get("chatId").asString();

        call("POST", "/v1/integration/chats/" + chatId + "/messages", acme.integration(),
                Map.of("clientMessageId", "b-1", "text", "Your parcel has shipped"), 201);
        call("POST", "/v1/integration/chats/" + chatId + "/messages", acme.integration(),
                Map.of("clientMessageId", "b-1", "text", "Your parcel has shipped"), 200);
        JsonNode note = call("POST", "/v1/integration/chats/" + chatId + "/messages", acme.integration(),
                Map.of("clientMessageId", "b-2", "text", "internal?", "visibility", "internal"), 422);

        assertThat(note.get("errors").get(0).get("field").asString()).isEqualTo("visibility");
        List<EventEnvelope> events = CommandSideTesting.consumeChatEvents(ISOLATION, codec, chatId, 2);
        assertThat(events.getLast().type()).isEqualTo("chat.message-posted");
        assertThat(codec.payloadTree(events.getLast().payload()).get("author").get("kind").asString())
                .isEqualTo("BOT");
    }

    @Test
    void givenAgentWithoutAdminRole_whenAssigningAnotherAgent_thenForbiddenButSelfAssignmentWorks() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/sdk/chats", user.headers(), null, 201).get("chatId").asString();
        String login = "agent-" + UUID.randomUUID() + "@acme.test";
        String agentId = Ids.random("ag");
        commands.sendAndWait(new AddAgent(new AgentId(agentId), new OrganizationId(acme.organizationId()), login,
                Role.AGENT, PersonProfile.EMPTY, passwords.encode(PASSWORD)));
        var agent = bearer(login);

        call("PUT", "/v1/chats/" + chatId + "/assignment", agent, Map.of("agentId", acme.ownerAgentId()), 403);
        call("PUT", "/v1/chats/" + chatId + "/assignment", agent, Map.of("agentId", agentId), 200);
        call("PUT", "/v1/chats/" + chatId + "/assignment", acme.owner(), Map.of("agentId", acme.ownerAgentId()), 200);

        assertThat(eventTypes(chatId)).containsExactly("chat.opened", "chat.assigned", "chat.assigned");
    }

    @Test
    void givenBadInput_whenCallingChatEndpoints_thenProblemNamesTheFieldAndNothingIsWritten() throws Exception {
        var user = bootUser(acme);
        String chatId = call("POST", "/v1/sdk/chats", user.headers(), null, 201).get("chatId").asString();
        String chat = "/v1/chats/" + chatId;
        long before = eventCount();
        Map<String, Object> pdf = Map.of("key", "k/1.pdf", "fileName", "1.pdf", "contentType", "application/pdf",
                "size", 1000);

        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("text", "hi"), 400), "clientMessageId");
        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1", "text", "hi",
                "attachments", Collections.nCopies(11, pdf)), 400), "attachments");
        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1", "text", "hi",
                "attachments", List.of(with(pdf, "contentType", "application/x-msdownload"))), 400),
                "attachments[0].contentType");
        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1", "text", "hi",
                "attachments", List.of(with(pdf, "size", 100L * 1024 * 1024 + 1))), 400), "attachments[0].size");
        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1", "text", "hi",
                "attachments", List.of(with(pdf, "fileName", "f".repeat(256)))), 400), "attachments[0].fileName");
        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1", "text", "hi",
                "visibility", "secret"), 400), "visibility");
        assertField(call("POST", chat + "/messages", acme.owner(), Map.of("clientMessageId", "a-1",
                "text", "x".repeat(10_001)), 422), "text");
        assertField(call("POST", chat + "/read", acme.owner(), Map.of("upTo", 0), 400), "upTo");
        assertField(call("POST", chat + "/read", acme.owner(), Map.of("upTo", 99), 422), "upTo");
        assertField(call("POST", chat + "/snooze", acme.owner(), Map.of("until", "tomorrow"), 422), "until");
        assertField(call("POST", chat + "/snooze", acme.owner(), Map.of("until", "2020-01-01T00:00:00Z"), 422), "until");
        assertField(call("POST", chat + "/tags", acme.owner(), Map.of("tag", "Bad Tag"), 422), "tag");
        assertField(call("PUT", chat + "/priority", acme.owner(), Map.of("priority", "critical"), 400), "priority");
        assertField(call("PUT", chat + "/assignment", acme.owner(), Map.of("agentId", "ag_nobody"), 422), "agentId");
        assertField(call("PUT", chat + "/assignment", acme.owner(), Map.of("teamId", "bad team"), 400), "teamId");
        assertField(call("POST", "/v1/chats/bad!id/close", acme.owner(), null, 400), "chatId");
        assertField(call("POST", "/v1/chats", acme.owner(), Map.of(), 400), "userId");
        call("POST", "/v1/chats", acme.owner(), Map.of("userId", "usr_nobody"), 404);
        call("POST", chat + "/close", acme.owner(), null, 200);
        assertField(call("POST", chat + "/snooze", acme.owner(),
                Map.of("until", Instant.now().plusSeconds(60).toString()), 409), "status");
        call("POST", chat + "/reopen", acme.owner(), null, 200);
        before += 2;

        String big = JSON.writeValueAsString(Map.of("clientMessageId", "a-big", "text", "x".repeat(70_000)));
        HttpResponse<String> sized = send(HttpRequest.newBuilder(uri(chat + "/messages"))
                .header("Authorization", acme.owner().get("Authorization"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/v1/sdk/chats/" + chatId + "/messages"))
                .header("X-Plugin-Key", acme.pluginKey())
                .header("X-User-Token", user.headers().get("X-User-Token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(sized.body()).get("type").asString()).endsWith("/payload-too-large");
        assertThat(sized.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(eventCount()).isEqualTo(before);
        call("POST", "/v1/sdk/chats/" + chatId + "/messages", user.headers(),
                Map.of("clientMessageId", "u-small", "text", "a small chunked-free message"), 201);
    }

    // --- helpers

    record SdkUser(String userId, Map<String, String> headers) {
    }

    private Tenant signUp(String name) throws Exception {
        String login = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
        JsonNode result = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", name, "ownerEmail", login,
                "ownerPassword", PASSWORD), 201);
        return new Tenant(result.get("organizationId").asString(), result.get("ownerAgentId").asString(),
                bearer(login), Map.of("X-API-Key", result.get("apiKey").asString(),
                "X-API-Secret", result.get("apiSecret").asString()), result.get("pluginKey").asString());
    }

    private Map<String, String> bearer(String login) throws Exception {
        JsonNode token = call("POST", "/v1/auth/login", Map.of(), Map.of("login", login, "password", PASSWORD), 200);
        return Map.of("Authorization", "Bearer " + token.get("accessToken").asString());
    }

    private SdkUser bootUser(Tenant tenant) throws Exception {
        JsonNode boot = call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", tenant.pluginKey()), Map.of(), 200);
        return new SdkUser(boot.get("userId").asString(), Map.of("X-Plugin-Key", tenant.pluginKey(),
                "X-User-Token", boot.get("userToken").asString()));
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static void assertField(JsonNode problem, String field) {
        assertThat(problem.get("errors").get(0).get("field").asString()).as(problem.toString()).isEqualTo(field);
    }

    private List<String> eventTypes(String chatId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = :id "
                        + "order by sequence_number")
                .param("id", chatId)
                .query((rs, n) -> rs.getString(1))
                .list().stream()
                .map(type -> EventTypes.typeOf(classFor(type)).name())
                .toList();
    }

    private static Class<?> classFor(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private long wakeUpRows(String chatId) {
        return jdbc.sql("select count(*) from chat_wake_ups where chat_id = :id").param("id", chatId)
                .query(Long.class).single();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }


    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
