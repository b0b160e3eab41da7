package com.fastlightchat.query.analytics;

import com.fastlightchat.query.analytics.ChatFact.LiveStatus;

import java.util.Map;
import java.util.TreeMap;

/**
 * An organization's live backlog: open chats without an agent, open chats waiting for a human agent's reply, and
 * each agent's load (their open or snoozed chats). Kept by adding each chat's new status and taking away its old
 * one, which is exact because every chat status change is counted exactly once (exactly-once processing).
 *
 * @param loads agents with at least one chat, by id
 */
public record LiveBacklog(String organizationId, long unassigned, long waiting, Map<String, Long> loads,
                          long version) {

    public LiveBacklog {
        loads = loads == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(loads));
    }

    public static LiveBacklog empty(String organizationId) {
        return new LiveBacklog(organizationId, 0, 0, Map.of(), 0);
    }

    /** The backlog after one chat went from status {@code before} to {@code after}. */
    public LiveBacklog change(LiveStatus before, LiveStatus after) {
        TreeMap<String, Long> nextLoads = new TreeMap<>(loads);
        long nextUnassigned = unassigned + count(after.unassigned()) - count(before.unassigned());
        long nextWaiting = waiting + count(after.waiting()) - count(before.waiting());
        if (before.loadOf() != null) {
            nextLoads.computeIfPresent(before.loadOf(), (agent, load) -> load > 1 ? load - 1 : null);
        }
        if (after.loadOf() != null) {
            nextLoads.merge(after.loadOf(), 1L, Long::sum);
        }
        return new LiveBacklog(organizationId, nextUnassigned, nextWaiting, nextLoads, version + 1);
    }

    private static long count(boolean flag) {
        return flag ? 1 : 0;
    }
}
