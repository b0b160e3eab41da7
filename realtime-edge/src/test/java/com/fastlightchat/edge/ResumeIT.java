package com.fastlightchat.edge;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.TestServers;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gapless delivery and resume on a real broker and a real Redis: every sequence reaches the end user exactly once,
 * in order, internal notes as placeholders, across a reconnect while events keep flowing, from the recent-events
 * window or, without it, from the query side.
 */
class ResumeIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;

    private static EdgeFixture fixture;
    private static int port;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private UserId user;
    private ChatId chat;

    @BeforeAll
    static void startEdge() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(ResumeIT.class));
        port = fixture.startEdge(Map.of());
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
    }

    @BeforeEach
    void newChat() {
        user = new UserId(Ids.random("usr"));
        chat = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), chat.value());
    }

    @Test
    void givenClientDroppedMidStream_whenItRejoinsWithItsLastSequenceWhileEventsFlow_thenItGetsEachMissedAndLiveEventOnceInOrder()
            throws Exception {
        publishMessages(1, 5);
        long lastSeen;
        try (TestSocket first = user()) {
            assertThat(first.join(chat.value(), 0).getLong("lastSequence")).isEqualTo(5);
            publishMessages(6, 8);
            await().atMost(PATIENCE).until(() -> first.sequences(chat.value()).size() == 8);
            assertThat(first.sequences(chat.value())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            lastSeen = 8;
        }
        publishMessages(9, 14);

        try (TestSocket second = user()) {
            CompletableFuture<Void> flowing = CompletableFuture.runAsync(() -> publishMessages(15, 40));
            JSONObject ack = second.join(chat.value(), lastSeen);
            flowing.join();

            assertThat(ack.getBoolean("ok")).isTrue();
            assertThat(ack.getBoolean("complete")).isTrue();
            await().atMost(PATIENCE).until(() -> second.sequences(chat.value()).size() >= 32);
            assertThat(second.sequences(chat.value())).containsExactlyElementsOf(LongStream.rangeClosed(9, 40).boxed()
                    .toList());
        }
        assertThat(fixture.querySide().messageCalls(chat.value())).as("the window answered").isZero();
    }

    @Test
    void givenInternalNotes_whenDeliveredLiveAndOnResume_thenTheUserGetsContentFreePlaceholdersInTheirPlace()
            throws Exception {
        try (TestSocket socket = user()) {
            socket.join(chat.value(), 0);
            fixture.publish(envelope(1, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()), "hi")));
            fixture.publish(envelope(2, message(ORG, chat, user, Visibility.INTERNAL, Actor.agent("ag_1"), "VIP")));
            fixture.publish(envelope(3, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent("ag_1"), "hello")));
            await().atMost(PATIENCE).until(() -> socket.received().size() == 3);

            JSONObject hidden = socket.received().get(1);
            assertThat(hidden.length()).isEqualTo(4);
            assertThat(hidden.getInt("v")).isEqualTo(1);
            assertThat(hidden.getString("type")).isEqualTo("hidden");
            assertThat(hidden.getString("chatId")).isEqualTo(chat.value());
            assertThat(hidden.getLong("sequence")).isEqualTo(2);
            assertThat(socket.received().toString()).doesNotContain("VIP");
        }
        try (TestSocket later = user()) {
            later.join(chat.value(), 1);
            await().atMost(PATIENCE).until(() -> later.received().size() == 2);
            assertThat(later.received().get(0).getString("type")).isEqualTo("hidden");
            assertThat(later.received().get(1).getJSONObject("message").getString("text")).isEqualTo("hello");
        }
    }

    @Test
    void givenNoRecentWindow_whenTheClientResumes_thenTheQuerySideAnswersAndItsSkippedSequencesArePlaceholders()
            throws Exception {
        fixture.publish(envelope(1, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()), "one")));
        fixture.publish(envelope(2, message(ORG, chat, user, Visibility.INTERNAL, Actor.agent("ag_1"), "note")));
        fixture.publish(envelope(3, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent("ag_1"), "three")));
        String window = fixture.isolation().redisKeyPrefix() + "recent:" + chat.value();
        await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(redis.hasKey(window)));
        redis.delete(window);

        try (TestSocket socket = user()) {
            JSONObject ack = socket.join(chat.value(), 0);

            assertThat(ack.getBoolean("complete")).isTrue();
            assertThat(ack.getLong("lastSequence")).isEqualTo(3);
            assertThat(socket.sequences(chat.value())).containsExactly(1L, 2L, 3L);
            assertThat(socket.received()).extracting(event -> event.getString("type"))
                    .containsExactly("message.posted", "hidden", "message.posted");
            assertThat(socket.received().get(2).getJSONObject("message").getString("text")).isEqualTo("three");
            assertThat(fixture.querySide().messageCalls(chat.value())).isPositive();
        }
    }

    @Test
    void givenGapNoticedByTheClient_whenItFetchesTheRange_thenTheAckCarriesExactlyThatRange() throws Exception {
        publishMessages(1, 6);
        try (TestSocket socket = user()) {
            socket.join(chat.value(), 6);

            JSONObject ack = socket.request("chat:fetch", new JSONObject().put("chatId", chat.value())
                    .put("after", 2).put("until", 4));

            assertThat(ack.getBoolean("ok")).isTrue();
            assertThat(TestSocket.sequencesOf(ack.getJSONArray("events"))).containsExactly(3L, 4L);
        }
    }

    @Test
    void givenSeveralChats_whenResumedInOneBatch_thenEachGetsWhatItMissed() throws Exception {
        ChatId other = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), other.value());
        publishMessages(1, 3);
        for (long sequence = 1; sequence <= 2; sequence++) {
            fixture.publish(envelope(sequence, message(ORG, other, user, Visibility.PUBLIC, Actor.agent("ag_1"), "x")));
        }
        ChatId foreign = new ChatId(Ids.random("ch"));

        try (TestSocket socket = user()) {
            JSONObject ack = socket.request("chat:resume", new JSONObject().put("chats", new JSONArray(List.of(
                    new JSONObject().put("chatId", chat.value()).put("lastSequence", 1),
                    new JSONObject().put("chatId", other.value()).put("lastSequence", 0),
                    new JSONObject().put("chatId", foreign.value()).put("lastSequence", 0)))));

            JSONArray chats = ack.getJSONArray("chats");
            assertThat(chats.getJSONObject(0).getLong("lastSequence")).isEqualTo(3);
            assertThat(chats.getJSONObject(1).getLong("lastSequence")).isEqualTo(2);
            assertThat(chats.getJSONObject(2).getString("error")).isEqualTo("not-found");
            assertThat(socket.sequences(chat.value())).containsExactly(2L, 3L);
            assertThat(socket.sequences(other.value())).containsExactly(1L, 2L);
        }
    }

    @Test
    void givenInvalidRequests_whenSent_thenTheAckSaysInvalidRequest() throws Exception {
        try (TestSocket socket = user()) {
            assertThat(socket.request("chat:join", new JSONObject().put("chatId", "no spaces!")).getString("error"))
                    .isEqualTo("invalid-request");
            assertThat(socket.join(chat.value(), -1).getString("error")).isEqualTo("invalid-request");
            assertThat(socket.request("chat:fetch", new JSONObject().put("chatId", chat.value()).put("after", 0))
                    .getString("error")).as("not joined").isEqualTo("not-found");
        }
    }

    private TestSocket user() throws Exception {
        return TestSocket.user(port, ORG, ENV, user);
    }

    private void publishMessages(long from, long to) {
        for (long sequence = from; sequence <= to; sequence++) {
            fixture.publish(envelope(sequence, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent("ag_1"),
                    "message " + sequence)));
        }
    }
}
