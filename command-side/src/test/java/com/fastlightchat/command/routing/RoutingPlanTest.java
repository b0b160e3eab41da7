package com.fastlightchat.command.routing;

import com.fastlightchat.command.routing.RoundRobin.AgentSlot;
import com.fastlightchat.command.routing.RoutingPlan.Assignment;
import com.fastlightchat.command.routing.RoutingPlan.Waiting;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPlanTest {

    private static AgentSlot agent(String id, int capacity, int load, long lastAssigned, String... teams) {
        return new AgentSlot(id, Set.of(teams), true, capacity, load, lastAssigned);
    }

    @Test
    void givenThreeFreeAgentsOfCapacityOne_whenFiveChatsWait_thenThreeAreAssignedOneEachInQueueOrder() {
        List<Assignment> plan = RoutingPlan.assign(
                List.of(new Waiting("ch_1", null), new Waiting("ch_2", null), new Waiting("ch_3", null),
                        new Waiting("ch_4", null), new Waiting("ch_5", null)),
                List.of(agent("ag_a", 1, 0, 0), agent("ag_b", 1, 0, 0), agent("ag_c", 1, 0, 0)), 1);

        assertThat(plan).containsExactly(
                new Assignment("ch_1", null, "ag_a", 1),
                new Assignment("ch_2", null, "ag_b", 2),
                new Assignment("ch_3", null, "ag_c", 3));
    }

    @Test
    void givenTeamQueueNobodyCanServe_whenAChatForAnyoneWaitsBehind_thenOnlyThatOneIsAssigned() {
        List<Assignment> plan = RoutingPlan.assign(
                List.of(new Waiting("ch_1", "team_sales"), new Waiting("ch_2", null)),
                List.of(agent("ag_a", 2, 0, 7, "team_billing")), 8);

        assertThat(plan).containsExactly(new Assignment("ch_2", null, "ag_a", 8));
    }

    @Test
    void givenOneFreeSlot_whenTwoChatsOfTheTeamWait_thenTheOldestGetsIt() {
        List<Assignment> plan = RoutingPlan.assign(
                List.of(new Waiting("ch_old", "team_sales"), new Waiting("ch_new", "team_sales")),
                List.of(agent("ag_a", 3, 2, 4, "team_sales"), agent("ag_b", 1, 1, 1, "team_sales")), 5);

        assertThat(plan).containsExactly(new Assignment("ch_old", "team_sales", "ag_a", 5));
    }

    @Test
    void givenEmptyQueue_whenPlanning_thenNothingIsAssigned() {
        assertThat(RoutingPlan.assign(List.of(), List.of(agent("ag_a", 1, 0, 0)), 1)).isEmpty();
    }
}
