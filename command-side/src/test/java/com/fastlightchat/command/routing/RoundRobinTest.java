package com.fastlightchat.command.routing;

import com.fastlightchat.command.routing.RoundRobin.AgentSlot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoundRobinTest {

    private static AgentSlot agent(String id, boolean online, int capacity, int load, long lastAssigned, String... teams) {
        return new AgentSlot(id, Set.of(teams), online, capacity, load, lastAssigned);
    }

    @Test
    void givenSeveralFreeAgents_whenPicking_thenTheOneServedLongestAgoGoesFirst() {
        var picked = RoundRobin.pick("support", List.of(
                agent("ag_a", true, 3, 0, 30, "support"),
                agent("ag_b", true, 3, 2, 10, "support"),
                agent("ag_c", true, 3, 0, 20, "support")));
        assertThat(picked).map(AgentSlot::agentId).hasValue("ag_b");
    }

    @Test
    void givenOfflineFullOrOtherTeamAgents_whenPicking_thenNobodyIsPicked() {
        var picked = RoundRobin.pick("support", List.of(
                agent("ag_offline", false, 3, 0, 0, "support"),
                agent("ag_full", true, 2, 2, 0, "support"),
                agent("ag_sales", true, 3, 0, 0, "sales")));
        assertThat(picked).isEmpty();
    }

    @Test
    void givenNoTeam_whenPicking_thenAnyAgentWithRoomServes() {
        var picked = RoundRobin.pick(null, List.of(agent("ag_sales", true, 1, 0, 5, "sales")));
        assertThat(picked).map(AgentSlot::agentId).hasValue("ag_sales");
    }

    @Test
    void givenRepeatedAssignments_whenPickingInTurn_thenChatsRotateEvenlyUntilEveryoneIsFull() {
        List<AgentSlot> agents = new ArrayList<>(List.of(
                agent("ag_a", true, 2, 0, 0, "t"), agent("ag_b", true, 2, 0, 0, "t"), agent("ag_c", true, 2, 0, 0, "t")));
        List<String> order = new ArrayList<>();
        for (long turn = 1; turn <= 7; turn++) {
            var picked = RoundRobin.pick("t", agents);
            if (picked.isEmpty()) {
                order.add("queue");
                continue;
            }
            AgentSlot slot = picked.get();
            order.add(slot.agentId());
            agents.set(agents.indexOf(slot), new AgentSlot(slot.agentId(), slot.teamIds(), true, slot.capacity(),
                    slot.load() + 1, turn));
        }
        assertThat(order).containsExactly("ag_a", "ag_b", "ag_c", "ag_a", "ag_b", "ag_c", "queue");
    }
}
