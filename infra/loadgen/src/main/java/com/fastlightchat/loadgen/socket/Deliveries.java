package com.fastlightchat.loadgen.socket;

import java.util.HashMap;
import java.util.Map;

/**
 * What one socket received of each chat it follows, by the chat's gapless sequence: an event at or below the last
 * one seen is a duplicate, one beyond the next expected sequence leaves a gap. The first event of a chat sets the
 * cursor (an agent's socket hears of a chat from whatever event comes next), or the join's ack does when no event
 * came first. Used by one event-loop thread only.
 */
public final class Deliveries {

    /** What to make of one received event. */
    public enum Outcome { NEW, DUPLICATE }

    private final Map<String, long[]> last = new HashMap<>(4);
    private long gaps;

    /** Classifies an event of a chat's stream and moves the chat's cursor. */
    public Outcome accept(String chatId, long sequence) {
        long[] cursor = last.get(chatId);
        if (cursor == null) {
            last.put(chatId, new long[] {sequence});
            return Outcome.NEW;
        }
        if (sequence <= cursor[0]) {
            return Outcome.DUPLICATE;
        }
        if (sequence > cursor[0] + 1) {
            gaps += sequence - cursor[0] - 1;
        }
        cursor[0] = sequence;
        return Outcome.NEW;
    }

    /** A join was acknowledged up to {@code lastSequence}: the cursor starts there unless events already set it. */
    public void joined(String chatId, long lastSequence) {
        last.computeIfAbsent(chatId, id -> new long[] {lastSequence});
    }

    /** Sequences skipped so far, over every chat. */
    public long gaps() {
        return gaps;
    }
}
