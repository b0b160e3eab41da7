package com.fastlightchat.edge;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.testservers.KeyServiceStandIn;
import com.fastlightchat.testservers.TestServers;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data at the edge, on a real broker and a real Redis, with a stand-in for the command side's key
 * endpoint: events arrive sealed, are pushed to sockets opened, and sit in the Redis recent-events window sealed.
 * Once the user is erased, no plaintext of theirs is served from Redis: the windows of the chats named by the erasure
 * are dropped, and any other window of theirs opens as {@code [erased]}.
 */
class PersonalDataEdgeIT {

    private static final String SERVICE_TOKEN = "edge-key-service-token";
    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;

    private static EdgeFixture fixture;
    private static KeyServiceStandIn keys;
    private static EnvelopeCodec sealing;
    private static int port;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void startEdge() throws Exception {
        keys = new KeyServiceStandIn(SERVICE_TOKEN);
        sealing = EnvelopeCodec.sealing(new PersonalDataCipher(keys));
        fixture = new EdgeFixture(TestServers.shared().isolate(PersonalDataEdgeIT.class));
        port = fixture.startEdge(Map.of("flc.edge.command-base-url", keys.baseUrl(),
                "flc.edge.service-token", SERVICE_TOKEN));
        var servers = fixture.isolation().servers();
        connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(servers.redisHost(), servers.redisPort()));
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void stopEdge() {
        if (connections != null) {
            connections.destroy();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (keys != null) {
            keys.close();
        }
    }

    @Test
    void givenSealedMessages_whenTheUserIsErased_thenNoPlaintextOfTheirsIsServedFromRedis() throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId named = new ChatId(Ids.random("ch"));
        ChatId unnamed = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), named.value());
        fixture.querySide().chatOf(user.value(), unnamed.value());
        List<String> secrets = List.of("my new address is Lindengasse 7", "IBAN AT61 1904 3002 3457 3201",
                "thanks, updated your address");
        try (TestSocket socket = user(user)) {
            socket.join(named.value(), 0);
            socket.join(unnamed.value(), 0);
            for (ChatId chat : List.of(named, unnamed)) {
                fixture.publish(envelope(1, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()),
                        secrets.get(0))), sealing);
                fixture.publish(envelope(2, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()),
                        secrets.get(1))), sealing);
                fixture.publish(envelope(3, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent("ag_1"),
                        secrets.get(2))), sealing);
            }
            await().atMost(PATIENCE).until(() -> socket.sequences(named.value()).size() == 3
                    && socket.sequences(unnamed.value()).size() == 3);
            assertThat(texts(socket.received())).as("pushed opened, live").containsAll(secrets);
        }
        for (ChatId chat : List.of(named, unnamed)) {
            await().atMost(PATIENCE).until(() -> window(chat).size() == 3);
            assertThat(String.join("\n", window(chat))).as("the window keeps them sealed")
                    .contains("enc:v1:" + user.value() + ":").doesNotContain(secrets.toArray(String[]::new));
        }
        try (TestSocket before = user(user)) {
            before.join(unnamed.value(), 0);
            await().atMost(PATIENCE).until(() -> before.sequences(unnamed.value()).size() == 3);
            assertThat(texts(before.received())).as("resumed from the window, opened").containsAll(secrets);
        }
        int lookups = keys.lookups();

        keys.erase(user.value());
        fixture.publishUserEvent(EventEnvelope.of(Ids.random("ev"), 2, Instant.now(), null, null,
                new UserErased(ORG, user, new EnvironmentId(ENV), List.of(named))), sealing);

        await().atMost(PATIENCE).until(() -> !Boolean.TRUE.equals(redis.hasKey(windowKey(named))));
        int queried = fixture.querySide().messageCalls(unnamed.value());
        try (TestSocket after = user(user)) {
            after.join(unnamed.value(), 0);
            await().atMost(PATIENCE).until(() -> after.sequences(unnamed.value()).size() == 3);
            assertThat(texts(after.received())).containsOnly(PersonalDataCipher.ERASED);
            assertThat(after.received().toString()).doesNotContain(secrets.toArray(String[]::new));
        }
        assertThat(fixture.querySide().messageCalls(unnamed.value())).as("the window answered").isEqualTo(queried);
        assertThat(keys.lookups()).as("the erasure notice, not the key service, told the edge").isEqualTo(lookups);
    }

    private static TestSocket user(UserId user) throws Exception {
        return TestSocket.user(port, ORG, ENV, user);
    }

    private static List<String> texts(List<JSONObject> events) throws Exception {
        List<String> texts = new ArrayList<>();
        for (JSONObject event : events) {
            if (event.has("message")) {
                texts.add(event.getJSONObject("message").getString("text"));
            }
        }
        return texts;
    }

    private static Set<String> window(ChatId chat) {
        Set<String> members = redis.opsForZSet().range(windowKey(chat), 0, -1);
        return members == null ? Set.of() : members;
    }

    private static String windowKey(ChatId chat) {
        return fixture.isolation().redisKeyPrefix() + "recent:" + chat.value();
    }
}
