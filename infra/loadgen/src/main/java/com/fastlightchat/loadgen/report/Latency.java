package com.fastlightchat.loadgen.report;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a histogram of microseconds, in milliseconds. */
public record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), round(micros.getMean() / 1000.0));
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("p50Ms", p50);
        json.put("p90Ms", p90);
        json.put("p99Ms", p99);
        json.put("p999Ms", p999);
        json.put("maxMs", max);
        json.put("meanMs", mean);
        return json;
    }

    /** One Markdown table row: label, count, p50, p90, p99, p99.9, max. */
    public String row(String label) {
        return "| " + label + " | " + String.format("%,d", count) + " | " + p50 + " | " + p90 + " | " + p99 + " | "
                + p999 + " | " + max + " |";
    }

    public static String header() {
        return "| | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n|---|--:|--:|--:|--:|--:|--:|";
    }
}
