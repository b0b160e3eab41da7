package com.fastlightchat.query.platform;

import com.fastlightchat.web.Rejection;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for the eventually consistent read models. A command's answer carries the position of its
 * event (the aggregate's sequence); a query may pass it as {@code awaitSequence} to wait, at most
 * {@link #MAX_WAIT}, until the read model has applied it — so an agent never sees their own action missing. Polls
 * the store with a growing pause, which works whichever query-side instance consumed the event.
 */
public final class ReadYourWrites {

    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    public static final String STALE_HEADER = "X-Read-Model-Stale";

    private ReadYourWrites() {
    }

    /**
     * Waits until {@code position} reaches {@code target}; returns false if it has not after {@code maxWait}.
     * A target of 0 or less returns at once.
     */
    public static boolean await(LongSupplier position, long target, Duration maxWait) {
        if (target <= 0 || position.getAsLong() >= target) {
            return true;
        }
        if (maxWait.compareTo(MAX_WAIT) > 0) {
            throw Rejection.invalid("awaitMillis", "must be at most " + MAX_WAIT.toMillis());
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pauseMicros = 2_000;
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(pauseMicros * 1_000);
            if (position.getAsLong() >= target) {
                return true;
            }
            pauseMicros = Math.min(pauseMicros * 2, 50_000);
        }
        return false;
    }
}
