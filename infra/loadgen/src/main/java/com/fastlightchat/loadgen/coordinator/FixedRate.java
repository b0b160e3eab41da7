package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.socket.BenchMessages;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule: operation {@code i} is planned at {@code start + i / rate} and started then, whether or
 * not earlier operations have finished, so a slow server cannot slow the load down and hide its own delays
 * (coordinated omission). Latencies are measured from the planned time, which each operation receives.
 */
final class FixedRate {

    /** One operation: its index since the start of the schedule and its planned time (µs since the epoch). */
    @FunctionalInterface
    interface Operation {
        void start(long index, long plannedMicros);
    }

    private FixedRate() {
    }

    /**
     * Runs the schedule on the calling thread for {@code duration}, starting the operations (which must not block).
     *
     * @param firstIndex the index of the first operation (indexes continue across schedules)
     * @return the number of operations started
     */
    static long run(double perSecond, Duration duration, long firstIndex, Operation operation) {
        if (perSecond <= 0) {
            return 0;
        }
        long count = (long) Math.floor(perSecond * duration.toNanos() / 1e9);
        double intervalNanos = 1e9 / perSecond;
        long startNanos = System.nanoTime();
        long startMicros = BenchMessages.nowMicros();
        for (long i = 0; i < count; i++) {
            long offsetNanos = (long) (i * intervalNanos);
            long wait;
            while ((wait = startNanos + offsetNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            operation.start(firstIndex + i, startMicros + offsetNanos / 1_000);
        }
        return count;
    }
}
