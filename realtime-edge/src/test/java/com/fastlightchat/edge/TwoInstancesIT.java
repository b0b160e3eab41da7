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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two edge instances side by side on the same broker and Redis, as behind a load balancer. */
class TwoInstancesIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;

    private static EdgeFixture fixture;
    private static int first;
    private static int second;

    @BeforeAll
    static void startTwoEdges() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(TwoInstancesIT.class));
        first = fixture.startEdge(Map.of());
        second = fixture.startEdge(Map.of());
    }

    @AfterAll
    static void stopEdges() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenClientsOnEitherInstance_whenEventsArePublishedAndSomeoneTypes_thenBothSeeTheSameEventsAndTheTyping()
            throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId chat = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), chat.value());
        try (TestSocket onFirst = user(first, user); TestSocket onSecond = user(second, user);
             TestSocket agentOnSecond = agent(second)) {
            onFirst.join(chat.value(), 0);
            onSecond.join(chat.value(), 0);

            for (long sequence = 1; sequence <= 5; sequence++) {
                fixture.publish(envelope(sequence, message(ORG, chat, user, sequence == 2 ? Visibility.INTERNAL
                        : Visibility.PUBLIC, Actor.agent("ag_1"), "m" + sequence)));
            }
            await().atMost(PATIENCE).until(() -> onFirst.sequences(chat.value()).size() == 5
                    && onSecond.sequences(chat.value()).size() == 5
                    && agentOnSecond.sequences(chat.value()).size() == 5);
            assertThat(onFirst.sequences(chat.value())).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(onSecond.received().toString()).isEqualTo(onFirst.received().toString());

            onFirst.typing(chat.value(), true);

            await().atMost(PATIENCE).until(() -> !onSecond.ofType("typing").isEmpty()
                    && !agentOnSecond.ofType("typing").isEmpty());
            JSONObject typing = onSecond.ofType("typing").getFirst();
            assertThat(typing.getJSONObject("actor").getString("id")).isEqualTo(user.value());
            assertThat(typing.getBoolean("typing")).isTrue();
            assertThat(onFirst.ofType("typing")).as("the typist's own socket").isEmpty();
        }
    }

    @Test
    void givenUserOnOneInstanceAndAgentOnTheOther_whenTheUserLeaves_thenTheAgentSeesOnlineThenOffline()
            throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        try (TestSocket agent = agent(second)) {
            TestSocket widget = user(first, user);
            await().atMost(PATIENCE).until(() -> statuses(agent, user).contains("online"));
            widget.close();

            await().atMost(PATIENCE).until(() -> statuses(agent, user).equals(List.of("online", "offline")));
        }
    }

    private static List<String> statuses(TestSocket agent, UserId user) {
        return agent.ofType("presence").stream().filter(event -> user.value().equals(event.optString("userId")))
                .map(event -> event.optString("status")).toList();
    }

    private static TestSocket user(int port, UserId user) throws Exception {
        return TestSocket.user(port, ORG, ENV, user);
    }

    private static TestSocket agent(int port) throws Exception {
        return TestSocket.agent(port, ORG, "ag_1");
    }
}
