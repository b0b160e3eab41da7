package com.fastlightchat.edge;

import com.fastlightchat.edge.socket.ChatRequests;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.TestServers;
import com.fastlightchat.testservers.api.JsonArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The realtime edge's defences, on a real edge instance with Kafka and Redis:
 * <ul>
 *   <li>the cross-tenant matrix over every socket request of {@code /sdk} and {@code /agent} (taken from
 *       {@link ChatRequests}, so a new request is covered the day it is added): another organization's plugin key
 *       with our user token is refused at the handshake; another organization's user token and agent token get
 *       nothing for our chat ids, and never receive our chats' events;</li>
 *   <li>the environment's allowed origins at the {@code /sdk} handshake;</li>
 *   <li>the socket event budget: a {@code rate-limited} ack, the {@code rate.limited} signal, then a disconnect;</li>
 *   <li>fuzzing (jqwik) of every request's payload: every request is acked, the socket stays connected, and a refused
 *       request makes nothing happen (no signal reaches anyone).</li>
 * </ul>
 */
class SocketSecurityIT {

    static final OrganizationId ORG_A = new OrganizationId(Ids.random("org"));
    static final OrganizationId ORG_B = new OrganizationId(Ids.random("org"));
    static final String ENV_A = EdgeFixture.ENVIRONMENT;
    static final String ENV_B = Ids.random("env");
    static final String PLUGIN_KEY_B = "pk_b_" + Ids.random("it");
    static final UserId ALICE = new UserId(Ids.random("usr"));
    static final UserId BOB = new UserId(Ids.random("usr"));
    static final ChatId CHAT_A = new ChatId(Ids.random("ch"));
    static final ChatId CHAT_B = new ChatId(Ids.random("ch"));
    /** The end user and agent of A whose sockets are fuzzed; they can never follow a chat (see {@link #attempts}). */
    static final UserId FUZZER = new UserId(Ids.random("usr"));
    static final String FUZZING_AGENT = Ids.random("ag");
    /** The errors a refused request may be acked with (PROTOCOL.md). */
    static final Set<String> ERRORS = Set.of("not-found", "unavailable", "unauthenticated", "invalid-request",
            "rate-limited");

    static EdgeFixture fixture;
    static int port;
    /**
     * An instance with tiny socket budgets that asks the query side about plugin keys every time (Redis keys of its
     * own, so it does not read what the other instance remembered).
     */
    static int strictPort;
    static long sequenceA;

    @BeforeContainer
    static void start() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(SocketSecurityIT.class));
        port = fixture.startEdge(Map.of("flc.edge.socket-event-rate", 10_000, "flc.edge.socket-event-burst", 10_000));
        strictPort = fixture.startEdge(Map.of("flc.edge.socket-event-rate", 1, "flc.edge.socket-event-burst", 3,
                "flc.edge.socket-abuse-limit", 5, "flc.edge.plugin-key-cache-ttl", "1ms",
                "flc.edge.redis-key-prefix", fixture.isolation().redisKeyPrefix() + "strict:"));
        fixture.querySide().otherKey(PLUGIN_KEY_B, ENV_B);
        fixture.querySide().chatOf(ALICE.value(), CHAT_A.value());
        fixture.querySide().chatOf(BOB.value(), CHAT_B.value());
        postToA("first words of A");
        fixture.publish(EdgeFixture.envelope(1, EdgeFixture.message(ORG_B, CHAT_B, BOB, Visibility.PUBLIC,
                Actor.user(BOB.value()), "first words of B")));
    }

    @AfterContainer
    static void stop() {
        for (TestSocket socket : new TestSocket[]{fuzzedUser, fuzzedAgent, observer}) {
            if (socket != null) {
                socket.close();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    // --- cross-tenant matrix ---------------------------------------------------------------------------------------

    @Example
    void givenAnotherOrganizationsPluginKey_whenConnectingWithOurUserToken_thenRefused() throws Exception {
        Object refusal = TestSocket.refused(port, "/sdk", Map.of("pluginKey", PLUGIN_KEY_B,
                "userToken", EdgeFixture.userToken(ORG_A, ENV_A, ALICE)));

        assertThat(((JSONObject) refusal).getString("message"))
                .isEqualTo("plugin key does not belong to the token's environment");
    }

    @Example
    void givenAnotherOrganizationsUserAndAgent_whenTheySendEveryRequestForOurChat_thenNothingOfItReachesThem()
            throws Exception {
        try (TestSocket alice = sdk(ORG_A, ENV_A, ALICE, EdgeFixture.PLUGIN_KEY);
             TestSocket agentA = TestSocket.agent(port, ORG_A, Ids.random("ag"));
             TestSocket bob = sdk(ORG_B, ENV_B, BOB, PLUGIN_KEY_B);
             TestSocket agentB = TestSocket.agent(port, ORG_B, Ids.random("ag"))) {
            assertThat(alice.join(CHAT_A.value()).getBoolean("ok")).isTrue();
            List<String> covered = new ArrayList<>();
            List<String> breaches = new ArrayList<>();
            for (Map.Entry<String, Class<?>> request : requests().entrySet()) {
                for (var intruder : Map.of("B's user", bob, "B's agent", agentB).entrySet()) {
                    JSONObject ack = intruder.getValue().request(request.getKey(), payloadFor(request.getValue(), CHAT_A.value()));
                    covered.add(request.getKey() + " as " + intruder.getKey() + " -> " + ack);
                    if (ack.toString().contains("\"complete\"") || ack.toString().contains("\"events\"")
                            || ack.toString().contains("words of A")) {
                        breaches.add(request.getKey() + " as " + intruder.getKey() + " -> " + ack);
                    }
                }
            }
            agentA.clear();
            postToA("second words of A");
            await().atMost(EdgeFixture.PATIENCE).until(() -> !agentA.sequences(CHAT_A.value()).isEmpty()
                    && !alice.sequences(CHAT_A.value()).isEmpty());
            // A round trip on each intruder's connection: anything sent to it before the ack has arrived by now.
            bob.request(ChatRequests.LEAVE, new JSONObject().put("chatId", CHAT_B.value()));
            agentB.request(ChatRequests.LEAVE, new JSONObject().put("chatId", CHAT_B.value()));

            assertThat(breaches).as("requests that gave away A's chat").isEmpty();
            assertThat(covered).hasSize(2 * requests().size());
            assertThat(bob.received()).as("B's user").noneMatch(event -> event.toString().contains(CHAT_A.value()));
            assertThat(agentB.received()).as("B's agent").noneMatch(event -> event.toString().contains(CHAT_A.value()));
        }
    }

    /** Every request of the protocol with its payload record, by the convention {@code JOIN} ↔ {@code Join}. */
    static Map<String, Class<?>> requests() throws IllegalAccessException {
        Map<String, Class<?>> requests = new LinkedHashMap<>();
        for (Field field : ChatRequests.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                Class<?> payload = List.of(ChatRequests.class.getClasses()).stream()
                        .filter(type -> type.getSimpleName().equalsIgnoreCase(field.getName().replace("_", "")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no payload record for " + field.getName()));
                requests.put((String) field.get(null), payload);
            }
        }
        return requests;
    }

    /** A well-formed payload of the record type, every chat id being {@code chatId}. */
    static Object payloadFor(Class<?> type, String chatId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> kind = component.getType();
            if (kind == String.class) {
                payload.put(component.getName(), chatId);
            } else if (kind == Long.class || kind == long.class) {
                payload.put(component.getName(), 0);
            } else if (kind == Boolean.class || kind == boolean.class) {
                payload.put(component.getName(), true);
            } else if (kind == List.class) {
                Class<?> item = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                payload.put(component.getName(), new JSONArray(List.of(payloadFor(item, chatId))));
            }
        }
        return new JSONObject(payload);
    }

    // --- allowed origins -------------------------------------------------------------------------------------------

    @Example
    void givenAnAllowlist_whenAPageOfAnotherSiteConnects_thenRefused_andAnAllowedPageOrAnAppConnects() throws Exception {
        fixture.querySide().allowOrigins(List.of("https://shop.example.com"));
        try {
            Map<String, String> auth = Map.of("pluginKey", EdgeFixture.PLUGIN_KEY,
                    "userToken", EdgeFixture.userToken(ORG_A, ENV_A, new UserId(Ids.random("usr"))));

            Object refusal = TestSocket.refused(strictPort, "/sdk", auth, Map.of("Origin", "https://evil.example"));
            try (TestSocket page = TestSocket.connect(strictPort, "/sdk", auth, Map.of("Origin", "https://shop.example.com"));
                 TestSocket app = TestSocket.connect(strictPort, "/sdk", auth)) {
                assertThat(((JSONObject) refusal).getString("message")).isEqualTo("origin is not allowed for this plugin key");
                assertThat(page.connected()).isTrue();
                assertThat(app.connected()).isTrue();
            }
        } finally {
            fixture.querySide().allowOrigins(List.of());
        }
    }

    // --- event budget ----------------------------------------------------------------------------------------------

    @Example
    void givenASocketOverItsEventBudget_whenItKeepsSending_thenRateLimitedAcksAndSignal_thenDisconnected() throws Exception {
        try (TestSocket socket = TestSocket.user(strictPort, ORG_A, ENV_A, ALICE)) {
            JSONObject leave = new JSONObject().put("chatId", CHAT_A.value());
            List<JSONObject> acks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                acks.add(socket.request(ChatRequests.LEAVE, leave));
            }

            assertThat(acks.subList(0, 3)).allMatch(ack -> ack.optBoolean("ok"));
            JSONObject refused = acks.stream().filter(ack -> !ack.optBoolean("ok")).findFirst().orElseThrow();
            assertThat(refused.getString("error")).isEqualTo("rate-limited");
            assertThat(refused.getLong("retryAfterMs")).isPositive();
            await().atMost(EdgeFixture.PATIENCE).until(() -> !socket.ofType("rate.limited").isEmpty());
            // A client that ignores the refusals (sending far faster than one per second) is disconnected.
            await().atMost(EdgeFixture.PATIENCE).pollInterval(java.time.Duration.ofMillis(10)).until(() -> {
                socket.emit(ChatRequests.LEAVE, leave);
                return !socket.connected();
            });
        }
    }

    // --- fuzzing ---------------------------------------------------------------------------------------------------

    record Attempt(String namespace, String event, Object payload) {
        @Override
        public String toString() {
            return namespace + " " + event + " " + payload;
        }
    }

    static TestSocket fuzzedUser;
    static TestSocket fuzzedAgent;
    static TestSocket observer;

    @Property(tries = 200)
    void givenAnyPayloadForAnyRequest_whenSent_thenAcked_stillConnected_andRefusedOnesChangeNothing(
            @ForAll("attempts") Attempt attempt) throws Exception {
        ensureSockets();
        TestSocket socket = attempt.namespace().equals("/sdk") ? fuzzedUser : fuzzedAgent;
        observer.clear();

        JSONObject ack = socket.request(attempt.event(), attempt.payload());

        assertThat(ack.has("ok")).as(attempt + " -> " + ack).isTrue();
        assertThat(socket.connected()).as("still connected after " + attempt).isTrue();
        if (!ack.getBoolean("ok")) {
            assertThat(ack.getString("error")).as(attempt + " -> " + ack).isIn(ERRORS);
            // The observer (an agent of the organization) hears every signal: a refused request sent none.
            observer.request(ChatRequests.LEAVE, new JSONObject().put("chatId", CHAT_B.value()));
            assertThat(observer.received()).as("what a refused " + attempt + " caused")
                    .noneMatch(event -> !"presence".equals(event.optString("type"))
                            && (event.toString().contains(FUZZER.value()) || event.toString().contains(FUZZING_AGENT)));
        }
    }

    /**
     * Payloads of any shape, or of the request's shape with one field replaced by anything. Chat ids are B's or
     * unknown, so the fuzzed sockets never follow a chat and every signal the observer could hear from them would
     * be one a refused request caused.
     */
    @Provide
    Arbitrary<Attempt> attempts() throws IllegalAccessException {
        List<String> events = List.copyOf(requests().keySet());
        Map<String, Class<?>> types = requests();
        return Arbitraries.of("/sdk", "/agent").flatMap(namespace -> Arbitraries.of(events).flatMap(event ->
                Arbitraries.frequencyOf(
                        Tuple.of(3, JsonArbitraries.anyJson(3).map(node -> toOrgJson(node.toString()))),
                        Tuple.of(3, mutated(types.get(event))),
                        Tuple.of(1, Arbitraries.just(payloadFor(types.get(event), Ids.random("ch")))))
                        .map(payload -> new Attempt(namespace, event, payload))));
    }

    /** A payload of the record's shape with one field replaced by anything. */
    private static Arbitrary<Object> mutated(Class<?> type) {
        List<String> fields = List.of(type.getRecordComponents()).stream().map(RecordComponent::getName).toList();
        return Combinators.combine(Arbitraries.of(fields), JsonArbitraries.anyJson(2)).as((field, value) -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                payload.put(component.getName(), ((JSONObject) payloadFor(type, CHAT_B.value())).opt(component.getName()));
            }
            payload.put(field, toOrgJson(value.toString()));
            return (Object) new JSONObject(payload);
        });
    }

    private static Object toOrgJson(String json) {
        try {
            return new JSONTokener(json).nextValue();
        } catch (org.json.JSONException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static void ensureSockets() throws Exception {
        if (fuzzedUser == null || !fuzzedUser.connected()) {
            fuzzedUser = sdk(ORG_A, ENV_A, FUZZER, EdgeFixture.PLUGIN_KEY);
        }
        if (fuzzedAgent == null || !fuzzedAgent.connected()) {
            fuzzedAgent = TestSocket.agent(port, ORG_A, FUZZING_AGENT);
        }
        if (observer == null || !observer.connected()) {
            observer = TestSocket.agent(port, ORG_A, Ids.random("ag"));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static void postToA(String text) {
        sequenceA++;
        fixture.publish(EdgeFixture.envelope(sequenceA, EdgeFixture.message(ORG_A, CHAT_A, ALICE, Visibility.PUBLIC,
                Actor.user(ALICE.value()), text)));
    }

    private static TestSocket sdk(OrganizationId org, String environment, UserId user, String pluginKey)
            throws Exception {
        return TestSocket.connect(port, "/sdk", Map.of("pluginKey", pluginKey,
                "userToken", EdgeFixture.userToken(org, environment, user)));
    }
}
