package com.fastlightchat.command.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * The assignment rule, as a pure function. An agent can take a chat when they are online, active, below their
 * capacity and (when the chat waits for a team) in that team. Among those, the one who was given a chat longest ago
 * goes first — round-robin that stays fair when agents come and go — and ties go to the lower load, then the id.
 */
public final class RoundRobin {

    /** What routing knows of an agent. {@code lastAssigned} orders assignments (0 = never). */
    public record AgentSlot(String agentId, Set<String> teamIds, boolean online, int capacity, int load,
                            long lastAssigned) {

        public boolean hasRoom() {
            return online && load < capacity;
        }

        public boolean serves(String teamId) {
            return teamId == null || teamIds.contains(teamId);
        }
    }

    private static final Comparator<AgentSlot> FAIRNESS = Comparator
            .comparingLong(AgentSlot::lastAssigned)
            .thenComparingInt(AgentSlot::load)
            .thenComparing(AgentSlot::agentId);

    private RoundRobin() {
    }

    /** The agent who should get the next chat waiting for {@code teamId} (null: any agent), if anyone can. */
    public static Optional<AgentSlot> pick(String teamId, Collection<AgentSlot> agents) {
        return agents.stream()
                .filter(AgentSlot::hasRoom)
                .filter(agent -> agent.serves(teamId))
                .min(FAIRNESS);
    }
}
