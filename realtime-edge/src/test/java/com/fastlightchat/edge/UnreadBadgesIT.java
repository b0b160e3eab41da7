package com.fastlightchat.edge;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.util.List;
import java.util.Map;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unread badges pushed as {@code unread} signals and handed out with {@code chat:join}: the end user's on every
 * socket of the user, the agents' in the organization's inbox, always the query side's number (here its stand-in,
 * which folds the same kernel definition) — also after Redis lost them.
 */
class UnreadBadgesIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String AGENT = Ids.random("ag");

    private static Isolation isolation;
    private static EdgeFixture fixture;
    private static int port;

    @BeforeAll
    static void startEdge() throws Exception {
        isolation = TestServers.shared().isolate(UnreadBadgesIT.class);
        fixture = new EdgeFixture(isolation);
        port = fixture.startEdge(Map.of());
    }

    @AfterAll
    static void stopEdge() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenUserAndAgentsOnline_whenMessagesAndReadMarksFlow_thenBothBadgesFollowTheInbox() throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId chat = openChat(user);
        try (TestSocket widget = TestSocket.user(port, ORG, EdgeFixture.ENVIRONMENT, user);
             TestSocket launcher = TestSocket.user(port, ORG, EdgeFixture.ENVIRONMENT, user);
             TestSocket agent = TestSocket.agent(port, ORG, AGENT)) {
            JSONObject joined = widget.join(chat.value());
            assertThat(joined.getJSONObject("unread").getInt("count")).isZero();
            assertThat(joined.getJSONObject("unread").getLong("asOf")).isEqualTo(1);

            fixture.publish(envelope(2, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent(AGENT), "Hello!")));
            fixture.publish(envelope(3, message(ORG, chat, user, Visibility.INTERNAL, Actor.agent(AGENT), "vip")));
            fixture.publish(envelope(4, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent(AGENT), "There?")));
            awaitBadge(widget, chat, "user", 4, 2);
            // every socket of the user hears it, also one that follows no chat (the closed messenger's launcher)
            awaitBadge(launcher, chat, "user", 4, 2);

            fixture.publish(envelope(5, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()), "Yes")));
            awaitBadge(agent, chat, "agents", 5, 1);
            fixture.publish(envelope(6, new ChatReadByUser(ORG, chat, user, 5)));
            awaitBadge(widget, chat, "user", 6, 0);
            fixture.publish(envelope(7, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()), "?")));
            awaitBadge(agent, chat, "agents", 7, 2);
            fixture.publish(envelope(8, new ChatReadByAgent(ORG, chat, user, new AgentId(AGENT), 7)));
            awaitBadge(agent, chat, "agents", 8, 0);

            assertThat(fixture.querySide().unreadCount(chat.value(), Reader.USER)).isZero();
            assertThat(fixture.querySide().unreadCount(chat.value(), Reader.AGENTS)).isZero();
            // end users never hear the agents' badge, nor agents the user's
            assertThat(widget.ofType("unread")).allMatch(badge -> "user".equals(badge.optString("reader")));
            assertThat(agent.ofType("unread")).allMatch(badge -> "agents".equals(badge.optString("reader")));
        }
    }

    @Test
    void givenRedisLostTheBadges_whenTheNextMessageArrives_thenReadAgainFromTheQuerySideAndStillRight()
            throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId chat = openChat(user);
        try (TestSocket widget = TestSocket.user(port, ORG, EdgeFixture.ENVIRONMENT, user)) {
            widget.join(chat.value());
            fixture.publish(envelope(2, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent(AGENT), "One")));
            awaitBadge(widget, chat, "user", 2, 1);

            forgetBadges();
            int reads = fixture.querySide().unreadCalls();
            fixture.publish(envelope(3, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent(AGENT), "Two")));

            awaitBadge(widget, chat, "user", 3, 2);
            assertThat(fixture.querySide().unreadCalls()).isGreaterThan(reads);
            // and it is hot again: the next one is folded without asking
            int again = fixture.querySide().unreadCalls();
            fixture.publish(envelope(4, message(ORG, chat, user, Visibility.PUBLIC, new Actor(Actor.Kind.BOT, "faq-bot"), "Three")));
            awaitBadge(widget, chat, "user", 4, 3);
            assertThat(fixture.querySide().unreadCalls()).isEqualTo(again);
        }
    }

    @Test
    void givenChatOpenedWhileTheEdgeRuns_whenMessagesFlow_thenBadgesAreFoldedWithoutAskingTheQuerySide()
            throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        try (TestSocket launcher = TestSocket.user(port, ORG, EdgeFixture.ENVIRONMENT, user);
             TestSocket agent = TestSocket.agent(port, ORG, AGENT)) {
            int reads = fixture.querySide().unreadCalls();
            ChatId chat = openChat(user);
            fixture.publish(envelope(2, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent(AGENT), "Hi")));
            fixture.publish(envelope(3, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()), "Hey")));

            awaitBadge(launcher, chat, "user", 2, 1);
            awaitBadge(agent, chat, "agents", 3, 1);
            assertThat(fixture.querySide().unreadCalls()).as("known from the chat's first event on").isEqualTo(reads);
        }
    }

    private static ChatId openChat(UserId user) {
        ChatId chat = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), chat.value());
        fixture.publish(envelope(1, new ChatOpened(ORG, chat, new EnvironmentId(EdgeFixture.ENVIRONMENT), user,
                Actor.user(user.value()))));
        return chat;
    }

    /** Waits for the badge as of {@code asOf}; every badge the socket heard meanwhile must be one of a later one. */
    private static void awaitBadge(TestSocket socket, ChatId chat, String reader, long asOf, int count)
            throws JSONException {
        await().atMost(PATIENCE).until(() -> socket.ofType("unread").stream().anyMatch(badge ->
                chat.value().equals(badge.optString("chatId")) && badge.optLong("asOf") >= asOf));
        JSONObject latest = socket.ofType("unread").stream()
                .filter(badge -> chat.value().equals(badge.optString("chatId")))
                .max((a, b) -> Long.compare(a.optLong("asOf"), b.optLong("asOf"))).orElseThrow();
        assertThat(latest.getString("reader")).isEqualTo(reader);
        assertThat(latest.getLong("asOf")).isEqualTo(asOf);
        assertThat(latest.getInt("count")).isEqualTo(count);
        assertThat(latest.getInt("v")).isEqualTo(1);
    }

    private static void forgetBadges() {
        RedisClient client = RedisClient.create("redis://" + isolation.servers().redisHost() + ":"
                + isolation.servers().redisPort());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(isolation.redisKeyPrefix() + "unread:*");
            assertThat(keys).isNotEmpty();
            redis.sync().del(keys.toArray(String[]::new));
        } finally {
            client.shutdown();
        }
    }
}
