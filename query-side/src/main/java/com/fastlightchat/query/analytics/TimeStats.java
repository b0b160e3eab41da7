package com.fastlightchat.query.analytics;

import java.util.List;

/**
 * Exact figures of a set of time samples, in seconds rounded to the millisecond: the median (the middle sample, or
 * the mean of the two middle ones), p90 (nearest rank: the sample at rank ⌈0.9·n⌉) and the mean. With no sample
 * every figure is null.
 */
public record TimeStats(long count, Double medianSeconds, Double p90Seconds, Double meanSeconds) {

    /** @param sortedMillis samples in milliseconds, ascending */
    public static TimeStats of(List<Long> sortedMillis) {
        int n = sortedMillis.size();
        if (n == 0) {
            return new TimeStats(0, null, null, null);
        }
        double median = n % 2 == 1 ? sortedMillis.get(n / 2)
                : (sortedMillis.get(n / 2 - 1) + sortedMillis.get(n / 2)) / 2.0;
        long p90 = sortedMillis.get((int) Math.ceil(0.9 * n) - 1);
        long sum = 0;
        for (long sample : sortedMillis) {
            sum += sample;
        }
        return new TimeStats(n, seconds(median), seconds(p90), seconds((double) sum / n));
    }

    private static double seconds(double millis) {
        return Math.round(millis) / 1000.0;
    }
}
