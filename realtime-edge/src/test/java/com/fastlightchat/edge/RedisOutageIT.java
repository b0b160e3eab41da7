package com.fastlightchat.edge;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.EmbeddedServers;
import com.fastlightchat.testservers.Isolation;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away and comes back, on private servers so that no other test class is disturbed: live events keep
 * flowing, a resume falls back to the query side, and once Redis is back the edge uses it again by itself.
 */
class RedisOutageIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;

    @TempDir
    static Path data;

    private static EmbeddedServers servers;
    private static EdgeFixture fixture;
    private static int port;

    @BeforeAll
    static void startServersAndEdge() throws Exception {
        servers = EmbeddedServers.start(EmbeddedServers.Ports.random(), data, EmbeddedServers.Durability.FAST);
        Isolation isolation = new Isolation(servers.endpoints(), "redis-outage-it", "unused", "unused",
                "t-redis-outage:", "t-redis-outage.");
        fixture = new EdgeFixture(isolation);
        port = fixture.startEdge(Map.of("spring.data.redis.timeout", "500ms"));
    }

    @AfterAll
    static void stopAll() {
        if (fixture != null) {
            fixture.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void givenRedisDown_whenEventsFlowAndAClientResumes_thenNothingIsLost_andRedisIsUsedAgainOnceBack()
            throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId chat = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), chat.value());
        try (TestSocket widget = user(user)) {
            widget.join(chat.value(), 0);
            publish(user, chat, 1, 3);
            await().atMost(PATIENCE).until(() -> widget.sequences(chat.value()).size() == 3);

            servers.stopRedis();
            publish(user, chat, 4, 6);

            await().atMost(PATIENCE).until(() -> widget.sequences(chat.value()).size() == 6);
            assertThat(widget.sequences(chat.value())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
        publish(user, chat, 7, 8);
        try (TestSocket resumed = user(user)) {
            JSONObject ack = resumed.join(chat.value(), 3);

            assertThat(ack.getBoolean("complete")).isTrue();
            assertThat(resumed.sequences(chat.value())).containsExactly(4L, 5L, 6L, 7L, 8L);
            assertThat(fixture.querySide().messageCalls(chat.value())).isPositive();
        }

        servers.startRedis();
        int askedBefore = fixture.querySide().messageCalls(chat.value());
        await().atMost(PATIENCE).untilAsserted(() -> {
            publishNext(user, chat);
            try (TestSocket later = user(user)) {
                JSONObject ack = later.join(chat.value(), lastPublished - 1);
                assertThat(ack.getBoolean("complete")).isTrue();
                assertThat(later.sequences(chat.value())).containsExactly(lastPublished);
            }
            assertThat(fixture.querySide().messageCalls(chat.value())).as("answered from the window again")
                    .isEqualTo(askedBefore);
        });
    }

    private long lastPublished;

    private void publish(UserId user, ChatId chat, long from, long to) {
        for (long sequence = from; sequence <= to; sequence++) {
            fixture.publish(envelope(sequence, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent("ag_1"),
                    "m" + sequence)));
            lastPublished = sequence;
        }
    }

    private void publishNext(UserId user, ChatId chat) {
        publish(user, chat, lastPublished + 1, lastPublished + 1);
    }

    private static TestSocket user(UserId user) throws Exception {
        return TestSocket.user(port, ORG, ENV, user);
    }
}
