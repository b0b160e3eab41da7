package com.fastlightchat.localstack;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton, end to end on real servers and the three real service processes: an SDK caller posts a
 * message over HTTP with the plugin key; the command side stores it in PostgreSQL and publishes it to Kafka; the
 * query side projects it into Mongo and serves it; the realtime edge pushes it to a Socket.IO client in the chat's
 * room. This is also the proof that {@code ./flc run} (which runs the same {@link LocalStack}) works.
 */
class WalkingSkeletonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalStack stack;

    @BeforeAll
    static void startPlatform() {
        stack = SharedStack.get();
    }

    @Test
    void givenUserInChatRoom_whenUserPostsMessage_thenItIsStoredProjectedAndPushedOnce() throws Exception {
        String pluginKey = stack.demo().pluginKey();
        JsonNode boot = post("/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), "{}", 200);
        String userToken = boot.get("userToken").asString();
        Map<String, String> sdk = Map.of("X-Plugin-Key", pluginKey, "X-User-Token", userToken);
        String chatId = post("/v1/sdk/chats", sdk, "", 201).get("chatId").asString();

        // the query side knows the chat once its projection caught up; the edge authorizes joins through it
        await().atMost(Duration.ofSeconds(30)).until(() -> get(stack.queryUrl() + "/v1/sdk/chats/" + chatId, sdk).statusCode() == 200);

        List<JSONObject> pushed = new CopyOnWriteArrayList<>();
        AtomicReference<Object> joinAck = new AtomicReference<>();
        IO.Options options = IO.Options.builder()
                .setAuth(Map.of("pluginKey", pluginKey, "userToken", userToken))
                .setReconnection(false)
                .build();
        Socket socket = IO.socket(URI.create(stack.edgeUrl() + "/sdk"), options);
        socket.on("chat.event", args -> {
            JSONObject event = (JSONObject) args[0];
            if (event.optString("type").equals("message.posted")) {
                pushed.add(event);
            }
        });
        socket.on(Socket.EVENT_CONNECT, args ->
                socket.emit("chat:join", new JSONObject(Map.of("chatId", chatId)), (Ack) ack -> joinAck.set(ack[0])));
        socket.connect();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> joinAck.get() != null);
            assertThat(joinAck.get().toString()).contains("\"ok\":true");

            String clientMessageId = "cm-" + UUID.randomUUID();
            String body = JSON.writeValueAsString(Map.of("clientMessageId", clientMessageId, "text", "Hello, is anyone there?"));
            JsonNode receipt = post("/v1/sdk/chats/" + chatId + "/messages", sdk, body, 201);
            assertThat(receipt.get("duplicate").asBoolean()).isFalse();
            long sequence = receipt.get("sequence").asLong();
            assertThat(sequence).isEqualTo(2); // 1 = chat opened, 2 = this message

            // pushed to the Socket.IO client in the chat's room
            await().atMost(Duration.ofSeconds(30)).until(() -> !pushed.isEmpty());
            JSONObject event = pushed.getFirst();
            assertThat(event.getString("type")).isEqualTo("message.posted");
            assertThat(event.getString("chatId")).isEqualTo(chatId);
            assertThat(event.getLong("sequence")).isEqualTo(sequence);
            assertThat(event.getJSONObject("message").getString("text")).isEqualTo("Hello, is anyone there?");
            assertThat(event.getJSONObject("message").getString("messageId"))
                    .isEqualTo(receipt.get("messageId").asString());

            // projected into Mongo and served by the query side
            await().atMost(Duration.ofSeconds(30)).until(() -> messages(chatId, sdk).size() == 1);
            JsonNode stored = messages(chatId, sdk).get(0);
            assertThat(stored.get("text").asString()).isEqualTo("Hello, is anyone there?");
            assertThat(stored.get("sequence").asLong()).isEqualTo(sequence);

            // a retried send with the same client message id changes nothing anywhere
            JsonNode retry = post("/v1/sdk/chats/" + chatId + "/messages", sdk, body, 200);
            assertThat(retry.get("duplicate").asBoolean()).isTrue();
            assertThat(retry.get("messageId").asString()).isEqualTo(receipt.get("messageId").asString());
            assertThat(eventsInStore(chatId)).isEqualTo(2);
            assertThat(messages(chatId, sdk)).hasSize(1);
            assertThat(pushed).hasSize(1);
        } finally {
            socket.disconnect();
            socket.close();
        }
    }

    @Test
    void givenPostedMessage_whenCommandSideCrashesAndRestarts_thenRetryStillReturnsTheOriginal() throws Exception {
        String pluginKey = stack.demo().pluginKey();
        String userToken = post("/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), "{}", 200).get("userToken").asString();
        Map<String, String> sdk = Map.of("X-Plugin-Key", pluginKey, "X-User-Token", userToken);
        String chatId = post("/v1/sdk/chats", sdk, "", 201).get("chatId").asString();
        String body = JSON.writeValueAsString(Map.of("clientMessageId", "cm-restart", "text", "before the crash"));
        JsonNode original = post("/v1/sdk/chats/" + chatId + "/messages", sdk, body, 201);

        stack.kill("command-side");
        stack.start("command-side");

        JsonNode retry = post("/v1/sdk/chats/" + chatId + "/messages", sdk, body, 200);
        assertThat(retry.get("duplicate").asBoolean()).isTrue();
        assertThat(retry.get("messageId").asString()).isEqualTo(original.get("messageId").asString());
        assertThat(retry.get("sequence").asLong()).isEqualTo(original.get("sequence").asLong());
        JsonNode next = post("/v1/sdk/chats/" + chatId + "/messages", sdk,
                JSON.writeValueAsString(Map.of("clientMessageId", "cm-after", "text", "after the restart")), 201);
        assertThat(next.get("sequence").asLong()).isEqualTo(original.get("sequence").asLong() + 1);
        assertThat(eventsInStore(chatId)).isEqualTo(3);
    }

    @Test
    void givenWrongPluginKey_whenBooting_thenRejectedWithProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/v1/sdk/boot"))
                .header("X-Plugin-Key", "pk_not_a_real_key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/unauthenticated");
    }

    private static JsonNode messages(String chatId, Map<String, String> headers) throws Exception {
        HttpResponse<String> response = get(stack.queryUrl() + "/v1/sdk/chats/" + chatId + "/messages?after=0", headers);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("messages");
    }

    private static long eventsInStore(String chatId) throws Exception {
        var servers = stack.servers();
        try (var connection = DriverManager.getConnection(servers.postgresJdbcUrl("flc_command"),
                servers.postgresUser(), servers.postgresPassword());
             var statement = connection.prepareStatement(
                     "select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            statement.setString(1, chatId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static JsonNode post(String path, Map<String, String> headers, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
