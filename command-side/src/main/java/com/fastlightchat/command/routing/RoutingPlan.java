package com.fastlightchat.command.routing;

import com.fastlightchat.command.routing.RoundRobin.AgentSlot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which waiting chats can be assigned now, and to whom, as a pure function: the queue is served first come, first
 * served, each chat by {@link RoundRobin#pick}, and every pick counts against the agent before the next chat is
 * considered. A chat nobody can take keeps waiting without holding up the chats behind it that others can take
 * (another team's, say).
 */
public final class RoutingPlan {

    /** A chat in the queue, for {@code teamId} (null: any agent). */
    public record Waiting(String chatId, String teamId) {
    }

    /** {@code chatId} goes to {@code agentId}; {@code order} is the agent's new last-assignment order. */
    public record Assignment(String chatId, String teamId, String agentId, long order) {
    }

    private RoutingPlan() {
    }

    /**
     * The assignments to make, in queue order. {@code nextOrder} is greater than every agent's
     * {@link AgentSlot#lastAssigned()}; the assignments take it and the numbers after it.
     */
    public static List<Assignment> assign(List<Waiting> queue, List<AgentSlot> agents, long nextOrder) {
        List<AgentSlot> slots = new ArrayList<>(agents);
        List<Assignment> assignments = new ArrayList<>();
        long order = nextOrder;
        for (Waiting waiting : queue) {
            Optional<AgentSlot> picked = RoundRobin.pick(waiting.teamId(), slots);
            if (picked.isEmpty()) {
                continue;
            }
            AgentSlot agent = picked.get();
            slots.set(slots.indexOf(agent), new AgentSlot(agent.agentId(), agent.teamIds(), agent.online(),
                    agent.capacity(), agent.load() + 1, order));
            assignments.add(new Assignment(waiting.chatId(), waiting.teamId(), agent.agentId(), order));
            order++;
        }
        return assignments;
    }
}
