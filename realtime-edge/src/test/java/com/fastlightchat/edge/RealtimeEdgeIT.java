package com.fastlightchat.edge;

import com.fastlightchat.edge.stream.ChatEventStream;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.client.SocketOptionBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge on a real Kafka broker and a real Redis, reached by the official Socket.IO Java client; the query side's
 * HTTP API is a stand-in. Events are written to the topic as the command side writes them (kernel envelope, key =
 * chat id). Events that must not arrive are written to the same partition before one that must, so that receiving
 * the latter proves the former was processed, with no waiting for something not to happen.
 */
@SpringBootTest(classes = RealtimeEdgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealtimeEdgeIT {

    private static final Isolation ISOLATION = TestServers.shared().isolate(RealtimeEdgeIT.class);
    private static final String TOPIC = Topics.prefixed(ISOLATION.topicPrefix(), Topics.CHAT_EVENTS);
    private static final String SECRET = "realtime-edge-it-signing-secret-0123456789";
    private static final AccessTokens TOKENS = AccessTokens.fromSecret(SECRET, Clock.systemUTC());
    private static final String PLUGIN_KEY = "pk_test_" + Ids.random("it");
    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final EnvironmentId ENV = new EnvironmentId(Ids.random("env"));
    private static final int SOCKET_PORT = freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static QuerySideStandIn querySide;
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    ChatEventStream stream;
    @Autowired
    StringRedisTemplate redis;
    @Value("${local.server.port}")
    int httpPort;

    private final List<Socket> sockets = new ArrayList<>();
    private UserId user;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        querySide = new QuerySideStandIn(PLUGIN_KEY, ENV.value(), TOKENS);
        ISOLATION.springBootProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("flc.edge.token-secret", () -> SECRET);
        registry.add("flc.edge.socket-host", () -> "127.0.0.1");
        registry.add("flc.edge.socket-port", () -> SOCKET_PORT);
        registry.add("flc.edge.query-base-url", querySide::baseUrl);
        registry.add("flc.edge.topic-prefix", ISOLATION::topicPrefix);
        registry.add("flc.edge.redis-key-prefix", ISOLATION::redisKeyPrefix);
    }

    @BeforeAll
    static void createTopicAndProducer() throws Exception {
        String bootstrap = ISOLATION.servers().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void closeStandIns() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (querySide != null) {
            querySide.close();
        }
    }

    @BeforeEach
    void newUserAndLiveStream() {
        user = new UserId(Ids.random("usr"));
        await().atMost(PATIENCE).until(stream::isLive);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(Socket::close);
    }

    @Test
    void givenJoinedChat_whenPublicAndInternalMessagesArePosted_thenTheNoteArrivesOnlyAsAPlaceholder() throws Exception {
        ChatId chat = new ChatId(Ids.random("ch"));
        querySide.chatOf(user.value(), chat.value());
        Socket socket = connected(userToken(user));
        List<JSONObject> received = receive(socket);

        JSONObject joined = join(socket, chat);
        assertThat(fields(joined.getJSONObject("unread"))).isEqualTo(Map.of("count", 0, "asOf", 0));
        joined.remove("unread");
        assertThat(fields(joined)).isEqualTo(Map.of("ok", true, "chatId", chat.value(),
                "lastSequence", 0, "complete", true));
        MessagePosted note = message(chat, Visibility.INTERNAL, Actor.agent("ag_1"), "internal: VIP customer");
        MessagePosted reply = message(chat, Visibility.PUBLIC, Actor.agent("ag_1"), "Hi, how can we help?");
        publish(0, envelope(2, note));
        EventEnvelope replyEnvelope = envelope(3, reply);
        publish(0, replyEnvelope);

        await().atMost(PATIENCE).until(() -> received.size() == 2);
        assertThat(fields(received.getFirst())).isEqualTo(Map.of("v", 1, "type", "hidden", "chatId", chat.value(),
                "sequence", 2));
        JSONObject event = received.get(1);
        assertThat(event.getInt("v")).isEqualTo(1);
        assertThat(event.getString("type")).isEqualTo("message.posted");
        assertThat(event.getString("eventId")).isEqualTo(replyEnvelope.eventId());
        assertThat(event.getString("chatId")).isEqualTo(chat.value());
        assertThat(event.getLong("sequence")).isEqualTo(3);
        assertThat(Instant.parse(event.getString("occurredAt"))).isEqualTo(replyEnvelope.occurredAt());
        JSONObject message = event.getJSONObject("message");
        assertThat(message.getString("messageId")).isEqualTo(reply.messageId().value());
        assertThat(message.getString("clientMessageId")).isEqualTo(reply.clientMessageId().value());
        assertThat(fields(message.getJSONObject("author"))).isEqualTo(Map.of("kind", "agent", "id", "ag_1"));
        assertThat(message.getString("text")).isEqualTo("Hi, how can we help?");
        assertThat(message.getJSONArray("attachments").length()).isZero();
    }

    @Test
    void givenAllowedChat_whenJoinedTwice_thenTheQuerySideIsAskedOnceAndTheAnswerIsCached() throws Exception {
        ChatId chat = new ChatId(Ids.random("ch"));
        querySide.chatOf(user.value(), chat.value());
        Socket firstTab = connected(userToken(user));
        Socket secondTab = connected(userToken(user));

        assertThat(join(firstTab, chat).getBoolean("ok")).isTrue();
        assertThat(join(secondTab, chat).getBoolean("ok")).isTrue();

        assertThat(querySide.calls(chat.value())).isEqualTo(1);
        String key = ISOLATION.redisKeyPrefix() + "authz:" + user.value() + ":" + chat.value();
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(1L, 600L);
    }

    @Test
    void givenChatOfSomeoneElse_whenJoining_thenAckSaysNotFoundAndItsEventsNeverArrive() throws Exception {
        ChatId own = new ChatId(Ids.random("ch"));
        ChatId foreign = new ChatId(Ids.random("ch"));
        querySide.chatOf(user.value(), own.value());
        querySide.chatOf(Ids.random("usr"), foreign.value());
        Socket socket = connected(userToken(user));
        List<JSONObject> received = receive(socket);

        assertThat(fields(join(socket, foreign))).isEqualTo(Map.of("ok", false, "error", "not-found",
                "chatId", foreign.value()));
        assertThat(join(socket, own).getBoolean("ok")).isTrue();
        publish(1, envelope(1, message(foreign, Visibility.PUBLIC, Actor.agent("ag_2"), "not for you")));
        publish(1, envelope(1, message(own, Visibility.PUBLIC, Actor.agent("ag_2"), "for you")));

        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        assertThat(received).extracting(event -> event.getString("chatId")).containsExactly(own.value());
        assertThat(redis.hasKey(ISOLATION.redisKeyPrefix() + "authz:" + user.value() + ":" + foreign.value()))
                .isFalse();
    }

    @Test
    void givenChatOpenedForTheUser_whenPublished_thenEverySocketOfTheUserHearsIt() throws Exception {
        ChatId chat = new ChatId(Ids.random("ch"));
        Socket socket = connected(userToken(user));
        List<JSONObject> received = receive(socket);

        publish(2, envelope(1, new ChatOpened(ORG, chat, ENV, user, Actor.user(user.value()))));

        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        JSONObject event = received.getFirst();
        assertThat(event.getString("type")).isEqualTo("chat.opened");
        assertThat(event.getString("chatId")).isEqualTo(chat.value());
        assertThat(fields(event.getJSONObject("openedBy"))).isEqualTo(Map.of("kind", "user", "id", user.value()));
    }

    @Test
    void givenTokenSignedWithAnotherKey_whenConnecting_thenConnectErrorSaysWhy() throws Exception {
        AccessTokens forger = AccessTokens.fromSecret("some-other-secret-that-is-long-enough-32", Clock.systemUTC());
        Socket socket = socket(SocketOptionBuilder.builder()
                .setAuth(Map.of("pluginKey", PLUGIN_KEY, "userToken", userToken(forger, user))));

        Object error = connectError(socket);

        assertThat(error).isInstanceOf(JSONObject.class);
        assertThat(((JSONObject) error).getString("message")).isEqualTo("token signature is invalid");
        assertThat(socket.connected()).isFalse();
    }

    @Test
    void givenNoPluginKey_whenConnecting_thenConnectErrorSaysWhy() throws Exception {
        Socket socket = socket(SocketOptionBuilder.builder().setAuth(Map.of("userToken", userToken(user))));

        assertThat(((JSONObject) connectError(socket)).getString("message"))
                .isEqualTo("plugin key is missing or malformed");
    }

    @Test
    void givenCredentialsOnlyInTheQueryOverWebSocket_whenConnecting_thenTheSocketWorks() throws Exception {
        ChatId chat = new ChatId(Ids.random("ch"));
        querySide.chatOf(user.value(), chat.value());
        Socket socket = socket(SocketOptionBuilder.builder()
                .setTransports(new String[]{"websocket"})
                .setQuery("pluginKey=" + PLUGIN_KEY + "&userToken=" + userToken(user)));
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.connect();
        connected.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(join(socket, chat).getBoolean("ok")).isTrue();
    }

    @Test
    void givenRunningEdge_whenHealthAndMetricsAreScraped_thenBothAnswer() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("flc_edge_connections{");
        }
    }

    private Socket socket(SocketOptionBuilder options) {
        // websocket from the start: the polling→websocket upgrade is covered by the official client (NodeClientIT)
        IO.Options built = options.setForceNew(true).setReconnection(false)
                .setTransports(new String[]{"websocket"}).build();
        Socket socket = IO.socket(URI.create("http://127.0.0.1:" + SOCKET_PORT + "/sdk"), built);
        sockets.add(socket);
        return socket;
    }

    private Socket connected(String token) throws Exception {
        Socket socket = socket(SocketOptionBuilder.builder()
                .setAuth(Map.of("pluginKey", PLUGIN_KEY, "userToken", token)));
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + args[0])));
        socket.connect();
        connected.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return socket;
    }

    private static Object connectError(Socket socket) throws Exception {
        CompletableFuture<Object> error = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> error.completeExceptionally(new AssertionError("connected")));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
        socket.connect();
        return error.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private static List<JSONObject> receive(Socket socket) {
        List<JSONObject> received = new CopyOnWriteArrayList<>();
        // Every widget hears team.availability on connect, and badges as messages arrive (UnreadBadgesIT); these
        // tests look at chats' streams only.
        socket.on("chat.event", args -> {
            JSONObject event = (JSONObject) args[0];
            if (!Set.of("team.availability", "unread").contains(event.optString("type"))) {
                received.add(event);
            }
        });
        return received;
    }

    private static JSONObject join(Socket socket, ChatId chat) throws Exception {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        socket.emit("chat:join", new Object[]{new JSONObject().put("chatId", chat.value())},
                (Ack) args -> ack.complete((JSONObject) args[0]));
        return ack.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Android's org.json, which the Java client is written against, has no {@code toMap()}. */
    private static Map<String, Object> fields(JSONObject json) {
        Map<String, Object> fields = new HashMap<>();
        json.keys().forEachRemaining(key -> fields.put((String) key, json.opt((String) key)));
        return fields;
    }

    private static String userToken(UserId user) {
        return userToken(TOKENS, user);
    }

    private static String userToken(AccessTokens tokens, UserId user) {
        Instant now = Instant.now();
        return tokens.issue(new TokenClaims(user.value(), TokenClaims.Kind.USER, ORG.value(), ENV.value(), null,
                now, now.plus(Duration.ofHours(1))));
    }

    private MessagePosted message(ChatId chat, Visibility visibility, Actor author, String text) {
        return new MessagePosted(ORG, chat, user, new MessageId(Ids.random("msg")),
                new ClientMessageId(Ids.random("cm")), author, visibility, MessageContent.text(text));
    }

    private static EventEnvelope envelope(long sequence, ChatEvent event) {
        return EventEnvelope.of(Ids.random("ev"), sequence, Instant.now(), null, null, event);
    }

    /** Written to an explicit partition, keyed by chat id like the command side does. */
    private static void publish(int partition, EventEnvelope envelope) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, partition, envelope.aggregateId(), EventCodec.encode(envelope)))
                .get(10, TimeUnit.SECONDS);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
