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

import java.util.Map;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's {@code /agent} namespace on a real broker and Redis: the organization's whole inbox, internal
 * notes included, and nothing of any other organization. Events that must not arrive are written to the same
 * partition before one that must, so receiving the latter proves the former were processed.
 */
class AgentNamespaceIT {

    private static final OrganizationId ORG_A = new OrganizationId(Ids.random("org"));
    private static final OrganizationId ORG_B = new OrganizationId(Ids.random("org"));

    private static EdgeFixture fixture;
    private static int port;

    @BeforeAll
    static void startEdge() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(AgentNamespaceIT.class));
        port = fixture.startEdge(Map.of());
    }

    @AfterAll
    static void stopEdge() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenAgentsOfTwoOrganizations_whenChatsOfBothAreActive_thenEachAgentGetsExactlyItsOwnOrganizationsEvents()
            throws Exception {
        UserId userA = new UserId(Ids.random("usr"));
        UserId userB = new UserId(Ids.random("usr"));
        ChatId chatA = new ChatId(Ids.random("ch"));
        ChatId chatB = new ChatId(Ids.random("ch"));
        try (TestSocket agentA = agent(ORG_A, "ag_a"); TestSocket agentB = agent(ORG_B, "ag_b")) {
            fixture.publish(0, envelope(1, message(ORG_A, chatA, userA, Visibility.PUBLIC, Actor.user(userA.value()),
                    "hello from A")));
            fixture.publish(0, envelope(2, message(ORG_A, chatA, userA, Visibility.INTERNAL, Actor.agent("ag_a"),
                    "internal note of A")));
            fixture.publish(0, envelope(1, message(ORG_B, chatB, userB, Visibility.PUBLIC, Actor.user(userB.value()),
                    "hello from B")));

            await().atMost(PATIENCE).until(() -> agentA.received().size() == 2 && agentB.received().size() == 1);
            JSONObject note = agentA.received().get(1);
            assertThat(note.getString("type")).isEqualTo("message.posted");
            assertThat(note.getString("visibility")).isEqualTo("internal");
            assertThat(note.getLong("sequence")).isEqualTo(2);
            assertThat(note.getJSONObject("message").getString("text")).isEqualTo("internal note of A");
            assertThat(agentA.received().getFirst().getString("visibility")).isEqualTo("public");
            assertThat(agentB.received().getFirst().getString("chatId")).isEqualTo(chatB.value());
            assertThat(agentB.received().toString()).doesNotContain(chatA.value()).doesNotContain("of A");
        }
    }

    @Test
    void givenChatOfAnotherOrganization_whenAnAgentJoinsIt_thenNotFound_andOwnChatsResumeFromTheWindow()
            throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId chatA = new ChatId(Ids.random("ch"));
        for (long sequence = 1; sequence <= 4; sequence++) {
            fixture.publish(envelope(sequence, message(ORG_A, chatA, user, sequence == 3 ? Visibility.INTERNAL
                    : Visibility.PUBLIC, Actor.agent("ag_a"), "m" + sequence)));
        }
        try (TestSocket agentA = agent(ORG_A, "ag_a"); TestSocket agentB = agent(ORG_B, "ag_b")) {
            await().atMost(PATIENCE).until(() -> agentA.join(chatA.value(), 1).getBoolean("ok"));
            agentA.clear();

            JSONObject foreign = agentB.join(chatA.value(), 0);
            JSONObject own = agentA.join(chatA.value(), 1);

            assertThat(foreign.getBoolean("ok")).isFalse();
            assertThat(foreign.getString("error")).isEqualTo("not-found");
            assertThat(agentB.received()).isEmpty();
            assertThat(own.getBoolean("complete")).isTrue();
            assertThat(agentA.sequences(chatA.value())).containsExactly(2L, 3L, 4L);
            assertThat(agentA.received().get(1).getString("visibility")).isEqualTo("internal");
        }
    }

    @Test
    void givenUserTokenOrForgedToken_whenConnectingAsAnAgent_thenConnectErrorSaysWhy() throws Exception {
        Object userToken = TestSocket.refused(port, "/agent", Map.of("token",
                EdgeFixture.userToken(ORG_A, EdgeFixture.ENVIRONMENT, new UserId(Ids.random("usr")))));
        Object missing = TestSocket.refused(port, "/agent", Map.of());

        assertThat(((JSONObject) userToken).getString("message")).isEqualTo("token is of kind user, expected agent");
        assertThat(((JSONObject) missing).getString("message")).isEqualTo("token is missing");
    }

    private static TestSocket agent(OrganizationId org, String agentId) throws Exception {
        return TestSocket.agent(port, org, agentId);
    }
}
