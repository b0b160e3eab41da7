package com.fastlightchat.loadgen.socket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The client message id of every message the benchmark sends, {@code bm-<planned send time>-<index>}: the planned
 * send time in microseconds since the epoch travels with the message, so whichever process receives it measures
 * the latency from when the message was meant to be sent (not from when a busy sender got round to it). All
 * processes run on one machine and read the same wall clock.
 */
public final class BenchMessages {

    static final String PREFIX = "bm-";

    private BenchMessages() {
    }

    /** Microseconds since the epoch, now. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static String clientMessageId(long plannedMicros, long index) {
        return PREFIX + plannedMicros + "-" + index;
    }

    /** The planned send time of a benchmark message id, or -1 for any other id. */
    public static long plannedMicros(String clientMessageId) {
        if (clientMessageId == null || !clientMessageId.startsWith(PREFIX)) {
            return -1;
        }
        int dash = clientMessageId.indexOf('-', PREFIX.length());
        if (dash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(clientMessageId, PREFIX.length(), dash, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The index of a benchmark message id, or -1 for any other id. */
    public static long index(String clientMessageId) {
        if (plannedMicros(clientMessageId) < 0) {
            return -1;
        }
        try {
            return Long.parseLong(clientMessageId.substring(clientMessageId.indexOf('-', PREFIX.length()) + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
