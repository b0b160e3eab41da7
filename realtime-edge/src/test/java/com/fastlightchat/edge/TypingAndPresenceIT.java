package com.fastlightchat.edge;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.TestServers;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Typing indicators both ways (with their expiry) and end-user presence, through a real Redis. */
class TypingAndPresenceIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;

    private static EdgeFixture fixture;
    private static int port;

    private UserId user;
    private ChatId chat;

    @BeforeAll
    static void startEdge() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(TypingAndPresenceIT.class));
        port = fixture.startEdge(Map.of());
    }

    @AfterAll
    static void stopEdge() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void newChat() {
        user = new UserId(Ids.random("usr"));
        chat = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), chat.value());
        fixture.publish(envelope(1, message(ORG, chat, user, Visibility.PUBLIC, Actor.user(user.value()), "hi")));
    }

    @Test
    void givenUserAndAgentInAChat_whenEitherTypes_thenTheOtherSeesIt_andNotTheTypistThemself() throws Exception {
        try (TestSocket agent = agent(); TestSocket widget = user(); TestSocket otherTab = user()) {
            widget.join(chat.value(), 1);
            otherTab.join(chat.value(), 1);
            await().atMost(PATIENCE).until(() -> agent.join(chat.value(), 1).getBoolean("ok"));

            assertThat(widget.typing(chat.value(), true).getBoolean("ok")).isTrue();
            await().atMost(PATIENCE).until(() -> !agent.ofType("typing").isEmpty()
                    && !otherTab.ofType("typing").isEmpty());
            JSONObject heard = agent.ofType("typing").getFirst();
            assertThat(heard.getString("chatId")).isEqualTo(chat.value());
            assertThat(heard.getJSONObject("actor").getString("kind")).isEqualTo("user");
            assertThat(heard.getJSONObject("actor").getString("id")).isEqualTo(user.value());
            assertThat(heard.getBoolean("typing")).isTrue();

            agent.typing(chat.value(), true);
            await().atMost(PATIENCE).until(() -> widget.ofType("typing").stream()
                    .anyMatch(event -> "agent".equals(event.optJSONObject("actor").optString("kind"))));
            assertThat(widget.ofType("typing")).allMatch(event -> !user.value().equals(
                    event.optJSONObject("actor").optString("id")));
        }
    }

    @Test
    void givenTypingIndicator_whenNotRefreshed_thenItEndsByItself() throws Exception {
        try (TestSocket agent = agent(); TestSocket widget = user()) {
            widget.join(chat.value(), 1);
            await().atMost(PATIENCE).until(() -> agent.join(chat.value(), 1).getBoolean("ok"));

            widget.typing(chat.value(), true);

            await().atMost(PATIENCE).until(() -> agent.ofType("typing").stream()
                    .anyMatch(event -> !event.optBoolean("typing", true)));
        }
    }

    @Test
    void givenAgentOnline_whenAUserConnectsAndLeaves_thenTheAgentSeesThemOnlineThenOffline() throws Exception {
        try (TestSocket agent = agent()) {
            TestSocket widget = user();
            await().atMost(PATIENCE).until(() -> agent.ofType("presence").stream()
                    .anyMatch(event -> user.value().equals(event.optString("userId"))
                            && "online".equals(event.optString("status"))));
            TestSocket secondTab = user();
            widget.close();
            secondTab.close();

            await().atMost(PATIENCE).until(() -> agent.ofType("presence").stream()
                    .anyMatch(event -> user.value().equals(event.optString("userId"))
                            && "offline".equals(event.optString("status"))));
            assertThat(agent.ofType("presence").stream().filter(event -> user.value().equals(event.optString("userId"))))
                    .extracting(event -> event.getString("status")).containsExactly("online", "offline");
        }
    }

    private TestSocket user() throws Exception {
        return TestSocket.user(port, ORG, ENV, user);
    }

    private TestSocket agent() throws Exception {
        return TestSocket.agent(port, ORG, "ag_1");
    }
}
