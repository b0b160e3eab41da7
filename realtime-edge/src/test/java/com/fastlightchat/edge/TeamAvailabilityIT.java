package com.fastlightchat.edge;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.Presence;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.TestServers;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agent presence from the agent event stream: to the dashboard as is, to the widget as "team is online". */
class TeamAvailabilityIT {

    private static final String ENV = EdgeFixture.ENVIRONMENT;

    private static EdgeFixture fixture;
    private static int port;

    @BeforeAll
    static void startEdge() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(TeamAvailabilityIT.class));
        port = fixture.startEdge(Map.of());
    }

    @AfterAll
    static void stopEdge() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenAgentsChangingPresence_whenTheOnlineCountCrossesZero_thenWidgetsHearTheTeamAndAgentsHearEachChange()
            throws Exception {
        OrganizationId org = new OrganizationId(Ids.random("org"));
        AgentId first = new AgentId(Ids.random("ag"));
        AgentId second = new AgentId(Ids.random("ag"));
        try (TestSocket dashboard = TestSocket.agent(port, org, "ag_viewer");
             TestSocket widget = widget(org)) {
            await().atMost(PATIENCE).until(() -> availability(widget).size() == 1);
            assertThat(availability(widget).getFirst().getBoolean("online")).isFalse();

            // Agents' events are ordered per agent only, so each is awaited before the next.
            presence(dashboard, org, first, Presence.ONLINE);
            presence(dashboard, org, second, Presence.ONLINE);
            presence(dashboard, org, first, Presence.AWAY);
            try (TestSocket laterWidget = widget(org)) {
                await().atMost(PATIENCE).until(() -> availability(laterWidget).size() == 1);
                assertThat(availability(laterWidget).getFirst().getBoolean("online")).isTrue();
            }
            presence(dashboard, org, second, Presence.OFFLINE);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(availability(widget)).hasSize(3));
            assertThat(availability(widget)).extracting(event -> event.getBoolean("online"))
                    .containsExactly(false, true, false);
            assertThat(dashboard.ofType("agent.presence"))
                    .extracting(event -> event.getString("agentId") + "=" + event.getString("presence"))
                    .containsExactly(first.value() + "=online", second.value() + "=online",
                            first.value() + "=away", second.value() + "=offline");
            assertThat(dashboard.ofType("agent.presence")).allMatch(event -> event.optInt("v") == 1);
        }
    }

    @Test
    void givenTwoOrganizations_whenAnAgentOfOneComesOnline_thenTheOtherHearsNothing() throws Exception {
        OrganizationId orgA = new OrganizationId(Ids.random("org"));
        OrganizationId orgB = new OrganizationId(Ids.random("org"));
        AgentId agentOfA = new AgentId(Ids.random("ag"));
        try (TestSocket dashboardA = TestSocket.agent(port, orgA, "ag_a");
             TestSocket widgetA = widget(orgA);
             TestSocket dashboardB = TestSocket.agent(port, orgB, "ag_b");
             TestSocket widgetB = widget(orgB)) {
            await().atMost(PATIENCE).until(() -> availability(widgetA).size() == 1 && availability(widgetB).size() == 1);

            presence(orgA, agentOfA, Presence.ONLINE);
            await().atMost(PATIENCE).until(() -> dashboardA.ofType("agent.presence").size() == 1
                    && availability(widgetA).size() == 2);
            // A's sockets heard A's event, so anything for B's sockets was written then too; B's own event, heard
            // after it, shows B's sockets were listening.
            AgentId agentOfB = new AgentId(agentOfA.value() + "b");
            presence(orgB, agentOfB, Presence.AWAY);
            await().atMost(PATIENCE).until(() -> dashboardB.ofType("agent.presence").size() == 1);

            assertThat(dashboardB.ofType("agent.presence").getFirst().getString("agentId")).isEqualTo(agentOfB.value());
            assertThat(availability(widgetB)).extracting(event -> event.getBoolean("online")).containsExactly(false);
            assertThat(widgetB.ofType("agent.presence")).isEmpty();
        }
    }

    /** Publishes a presence change and waits until the dashboard has heard it. */
    private static void presence(TestSocket dashboard, OrganizationId org, AgentId agent, Presence presence) {
        int heard = dashboard.ofType("agent.presence").size();
        presence(org, agent, presence);
        await().atMost(PATIENCE).until(() -> dashboard.ofType("agent.presence").size() > heard);
    }

    private static void presence(OrganizationId org, AgentId agent, Presence presence) {
        fixture.publishAgentEvent(EventEnvelope.of(Ids.random("ev"), 1, Instant.now(), null, null,
                new AgentPresenceChanged(org, agent, presence)));
    }

    private static TestSocket widget(OrganizationId org) throws Exception {
        return TestSocket.user(port, org, ENV, new UserId(Ids.random("usr")));
    }

    private static List<JSONObject> availability(TestSocket socket) {
        return socket.ofType("team.availability");
    }
}
