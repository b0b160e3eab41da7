package com.fastlightchat.edge.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The merge rules of a resume, pure: what a client that has seen up to a sequence gets, in which order. */
public final class Resume {

    private Resume() {
    }

    /**
     * The events to send to a client that has seen everything up to {@code lastSent}: those of {@code caughtUp}
     * and of {@code buffered} (live events that arrived during the catch-up) above {@code lastSent}, ascending by
     * sequence, each sequence once (the catch-up's copy wins).
     */
    public static List<Map<String, Object>> merge(long lastSent, Collection<Map<String, Object>> caughtUp,
                                                  Collection<Map<String, Object>> buffered) {
        TreeMap<Long, Map<String, Object>> bySequence = new TreeMap<>();
        for (Map<String, Object> event : caughtUp) {
            bySequence.putIfAbsent(ClientEvents.sequenceOf(event), event);
        }
        for (Map<String, Object> event : buffered) {
            bySequence.putIfAbsent(ClientEvents.sequenceOf(event), event);
        }
        return new ArrayList<>(bySequence.tailMap(lastSent, false).values());
    }

    /** True when {@code events} (ascending) are exactly {@code after + 1, after + 2, …}. */
    public static boolean contiguous(long after, List<Map<String, Object>> events) {
        long expected = after + 1;
        for (Map<String, Object> event : events) {
            if (ClientEvents.sequenceOf(event) != expected) {
                return false;
            }
            expected++;
        }
        return true;
    }

    /** The sequence of the last event, or {@code otherwise} when there is none. */
    public static long last(List<Map<String, Object>> events, long otherwise) {
        return events.isEmpty() ? otherwise : ClientEvents.sequenceOf(events.getLast());
    }
}
