package com.fastlightchat.command;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command side on real PostgreSQL and Kafka: sign-up, login, the SDK flow, idempotency, publication. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandSideIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(CommandSideIT.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnvelopeCodec codec;

    String pluginKey;

    @BeforeEach
    void signUp() throws Exception {
        JsonNode result = call("POST", "/v1/signup", Map.of(), Map.of(
                "organizationName", "Acme", "ownerEmail", "owner-" + UUID.randomUUID() + "@acme.test",
                "ownerName", "Olivia Owner", "ownerPassword", "correct horse battery"), 201);
        pluginKey = result.get("pluginKey").asString();
        assertThat(result.get("apiSecret").asString()).startsWith("sk_");
    }

    @Test
    void givenSignedUpOrganization_whenSdkUserPostsTwiceWithSameClientId_thenOneMessageStoredAndPublishedInOrder() throws Exception {
        var sdk = sdkHeaders();
        String chatId = call("POST", "/v1/sdk/chats", sdk, null, 201).get("chatId").asString();
        var message = Map.of("clientMessageId", "cm-1", "text", "Where is my order?");

        JsonNode first = call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk, message, 201);
        JsonNode retry = call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk, message, 200);

        assertThat(first.get("sequence").asLong()).isEqualTo(2);
        assertThat(retry.get("duplicate").asBoolean()).isTrue();
        assertThat(retry.get("messageId").asString()).isEqualTo(first.get("messageId").asString());
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", chatId).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select pg_typeof(payload)::text from domain_event_entry limit 1")
                .query(String.class).single()).isEqualTo("bytea");
        String metadata = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                        + "where aggregate_identifier = :id and sequence_number = 1")
                .param("id", chatId).query(String.class).single();
        JsonNode postedMetadata = JSON.readTree(metadata);
        assertThat(postedMetadata.get("actor").asString()).startsWith("user:usr_");
        assertThat(postedMetadata.get("correlationId")).isNotNull();

        List<EventEnvelope> published = CommandSideTesting.consumeChatEvents(ISOLATION, codec, chatId, 2);
        assertThat(published).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(published.get(0).payload()).isInstanceOf(ChatOpened.class);
        MessagePosted posted = published.get(1).payloadAs(MessagePosted.class);
        assertThat(posted.content().text()).isEqualTo("Where is my order?");
        assertThat(posted.messageId().value()).isEqualTo(first.get("messageId").asString());
        assertThat(published.get(1).aggregateId()).isEqualTo(chatId);
        assertThat(published.get(1).actor()).startsWith("user:usr_");
        assertThat(published.get(1).organizationId()).isEqualTo(posted.organizationId().value());
    }

    @Test
    void givenOwner_whenLoggingInWithRightAndWrongPassword_thenTokenOrUnauthenticated() throws Exception {
        String login = "agent-" + UUID.randomUUID() + "@acme.test";
        call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Beta", "ownerEmail", login,
                "ownerPassword", "another long password"), 201);

        JsonNode token = call("POST", "/v1/auth/login", Map.of(), Map.of("login", login.toUpperCase(),
                "password", "another long password"), 200);
        assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(token.get("role").asString()).isEqualTo("OWNER");

        JsonNode wrong = call("POST", "/v1/auth/login", Map.of(), Map.of("login", login,
                "password", "not the password"), 401);
        assertThat(wrong.get("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void givenTakenLogin_whenSigningUpAgain_thenConflictAndNothingWritten() throws Exception {
        String login = "dup-" + UUID.randomUUID() + "@acme.test";
        call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "One", "ownerEmail", login,
                "ownerPassword", "long enough password"), 201);
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();

        JsonNode conflict = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Two",
                "ownerEmail", login, "ownerPassword", "long enough password"), 409);

        assertThat(conflict.get("errors").get(0).get("field").asString()).isEqualTo("ownerEmail");
        assertThat(jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void givenBadInput_whenPosting_thenProblemNamesTheFieldAndNothingIsWritten() throws Exception {
        var sdk = sdkHeaders();
        String chatId = call("POST", "/v1/sdk/chats", sdk, null, 201).get("chatId").asString();
        long before = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();

        JsonNode missingId = call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk, Map.of("text", "hi"), 400);
        assertThat(missingId.toString()).contains("\"field\":\"clientMessageId\"");

        JsonNode tooLong = call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk,
                Map.of("clientMessageId", "cm-x", "text", "x".repeat(10_001)), 422);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("text");

        JsonNode badId = call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk,
                Map.of("clientMessageId", "has spaces", "text", "hi"), 400);
        assertThat(badId.get("errors").get(0).get("field").asString()).isEqualTo("clientMessageId");

        call("POST", "/v1/sdk/chats/ch_unknown/messages", sdk, Map.of("clientMessageId", "cm-y", "text", "hi"), 404);
        assertThat(jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void givenChatOfAnotherOrganization_whenPosting_thenNotFound() throws Exception {
        var sdk = sdkHeaders();
        String chatId = call("POST", "/v1/sdk/chats", sdk, null, 201).get("chatId").asString();
        JsonNode other = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Other",
                "ownerEmail", "other-" + UUID.randomUUID() + "@other.test", "ownerPassword", "long enough password"), 201);
        String otherKey = other.get("pluginKey").asString();
        String otherToken = call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", otherKey), Map.of(), 200)
                .get("userToken").asString();

        call("POST", "/v1/sdk/chats/" + chatId + "/messages",
                Map.of("X-Plugin-Key", otherKey, "X-User-Token", otherToken),
                Map.of("clientMessageId", "cm-1", "text", "let me in"), 404);
        // a token of one organization with the plugin key of another is not accepted at all
        call("POST", "/v1/sdk/chats/" + chatId + "/messages",
                Map.of("X-Plugin-Key", pluginKey, "X-User-Token", otherToken),
                Map.of("clientMessageId", "cm-1", "text", "let me in"), 401);
    }

    @Test
    void givenRunningService_whenFetchingApiDocs_thenOpenApiDocumentListsCommandsAndAuthSchemes() throws Exception {
        JsonNode docs = call("GET", "/v3/api-docs", Map.of(), null, 200);
        assertThat(docs.get("openapi").asString()).startsWith("3.");
        assertThat(docs.get("paths").has("/v1/sdk/chats/{chatId}/messages")).isTrue();
        assertThat(docs.get("components").get("securitySchemes").has("bearer")).isTrue();
        HttpResponse<String> ui = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    private Map<String, String> sdkHeaders() throws Exception {
        JsonNode boot = call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), Map.of(), 200);
        return Map.of("X-Plugin-Key", pluginKey, "X-User-Token", boot.get("userToken").asString());
    }


    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expectedStatus)
            throws Exception {
        return CommandSideTesting.call(port, method, path, headers, body, expectedStatus);
    }
}
