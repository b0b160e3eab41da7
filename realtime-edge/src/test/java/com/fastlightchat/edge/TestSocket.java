package com.fastlightchat.edge;

import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.client.SocketOptionBuilder;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Socket.IO client (the official Java one) that records every {@code chat.event} it receives. The team's
 * presence signals ({@code team.availability}, which every widget gets on connect, and {@code agent.presence}) are
 * only found by {@link #ofType}, so that tests of chats see only what concerns chats in {@link #received}.
 */
final class TestSocket implements AutoCloseable {

    private final Socket socket;
    private final List<JSONObject> received = new CopyOnWriteArrayList<>();

    private TestSocket(Socket socket) {
        this.socket = socket;
        socket.on("chat.event", args -> received.add((JSONObject) args[0]));
    }

    /** A connected socket; fails if the server refuses it. */
    static TestSocket connect(int port, String namespace, Map<String, String> auth) throws Exception {
        return await(create(port, namespace, auth, Map.of()));
    }

    private static TestSocket await(TestSocket client) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        client.socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        client.socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + args[0])));
        client.socket.connect();
        connected.get(EdgeFixture.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** An end user's socket on {@code /sdk}, with the fixture's plugin key and a fresh user token. */
    static TestSocket user(int port, OrganizationId org, String environmentId, UserId user) throws Exception {
        return connect(port, "/sdk", Map.of("pluginKey", EdgeFixture.PLUGIN_KEY,
                "userToken", EdgeFixture.userToken(org, environmentId, user)));
    }

    /**
     * An agent's socket on {@code /agent} that, as a dashboard does on every connect, has resumed the chats it
     * follows — none — so that it follows its organization's chats from now on.
     */
    static TestSocket agent(int port, OrganizationId org, String agentId) throws Exception {
        TestSocket socket = connect(port, "/agent", Map.of("token", EdgeFixture.agentToken(org, agentId)));
        JSONObject resumed = socket.request("chat:resume", new JSONObject(Map.of("chats", new JSONArray())));
        if (!resumed.optBoolean("ok")) {
            throw new AssertionError("resume refused: " + resumed);
        }
        return socket;
    }

    /** The {@code connect_error} payload of a socket the server refuses. */
    static Object refused(int port, String namespace, Map<String, String> auth) throws Exception {
        return refusal(create(port, namespace, auth, Map.of()));
    }

    private static Object refusal(TestSocket created) throws Exception {
        try (TestSocket client = created) {
            CompletableFuture<Object> error = new CompletableFuture<>();
            client.socket.on(Socket.EVENT_CONNECT, args -> error.completeExceptionally(new AssertionError("connected")));
            client.socket.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
            client.socket.connect();
            return error.get(EdgeFixture.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static TestSocket create(int port, String namespace, Map<String, String> auth,
                                     Map<String, String> headers) {
        // websocket from the start: the polling→websocket upgrade is covered by the official client (NodeClientIT)
        Map<String, List<String>> extraHeaders = new java.util.HashMap<>();
        headers.forEach((name, value) -> extraHeaders.put(name, List.of(value)));
        IO.Options options = SocketOptionBuilder.builder().setAuth(auth).setForceNew(true).setReconnection(false)
                .setTransports(new String[]{"websocket"}).setExtraHeaders(extraHeaders).build();
        return new TestSocket(IO.socket(URI.create("http://127.0.0.1:" + port + namespace), options));
    }

    /** Signals about the team and badges, which arrive whatever the test does with chats. */
    private static final Set<String> TEAM_SIGNALS = Set.of("team.availability", "agent.presence", "unread");

    /** Every {@code chat.event} so far, except the team's presence signals and unread badges. */
    List<JSONObject> received() {
        return received.stream().filter(event -> !TEAM_SIGNALS.contains(event.optString("type"))).toList();
    }

    /** Forgets everything received so far. */
    void clear() {
        received.clear();
    }

    /** The received events of a chat that carry a sequence, in arrival order. */
    List<Long> sequences(String chatId) {
        return received().stream().filter(event -> chatId.equals(event.optString("chatId")) && event.has("sequence"))
                .map(event -> event.optLong("sequence")).toList();
    }

    /** The received events of one type. */
    List<JSONObject> ofType(String type) {
        return received.stream().filter(event -> type.equals(event.optString("type"))).toList();
    }

    JSONObject request(String event, JSONObject payload) throws Exception {
        return request(event, (Object) payload);
    }

    /** Any payload (an org.json value: object, array, string, number, boolean, {@code JSONObject.NULL}). */
    JSONObject request(String event, Object payload) throws Exception {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        socket.emit(event, new Object[]{payload}, (Ack) args -> ack.complete((JSONObject) args[0]));
        return ack.get(EdgeFixture.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Emits without asking for an acknowledgement. */
    void emit(String event, Object payload) {
        socket.emit(event, payload);
    }

    boolean connected() {
        return socket.connected();
    }

    /** A socket of {@code namespace} with extra handshake headers (e.g. a browser's {@code Origin}). */
    static TestSocket connect(int port, String namespace, Map<String, String> auth, Map<String, String> headers)
            throws Exception {
        return await(create(port, namespace, auth, headers));
    }

    /** The {@code connect_error} payload of a socket with extra handshake headers that the server refuses. */
    static Object refused(int port, String namespace, Map<String, String> auth, Map<String, String> headers)
            throws Exception {
        return refusal(create(port, namespace, auth, headers));
    }

    JSONObject join(String chatId) throws Exception {
        return request("chat:join", new JSONObject().put("chatId", chatId));
    }

    JSONObject join(String chatId, long lastSequence) throws Exception {
        return request("chat:join", new JSONObject().put("chatId", chatId).put("lastSequence", lastSequence));
    }

    JSONObject typing(String chatId, boolean typing) throws Exception {
        return request("typing", new JSONObject().put("chatId", chatId).put("typing", typing));
    }

    static List<Long> sequencesOf(JSONArray events) throws JSONException {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < events.length(); i++) {
            sequences.add(events.getJSONObject(i).getLong("sequence"));
        }
        return sequences;
    }

    @Override
    public void close() {
        socket.close();
    }
}
