package com.fastlightchat.loadgen.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target of the specification (the floor) or of our own (the goal), what was measured and whether it was met.
 *
 * @param level    {@code floor} (the original specification) or {@code goal} (ours)
 * @param name     what is measured
 * @param target   the target in words, e.g. {@code ≥ 19,000}
 * @param measured the measured figure in words
 * @param met      whether the measured figure meets the target
 */
public record Goal(String level, String name, String target, String measured, boolean met) {

    public static Goal atLeast(String level, String name, double target, double measured, String unit) {
        return new Goal(level, name, "≥ " + format(target) + unit, format(measured) + unit, measured >= target);
    }

    public static Goal atMost(String level, String name, double target, double measured, String unit) {
        return new Goal(level, name, "≤ " + format(target) + unit, format(measured) + unit, measured <= target);
    }

    /** {@code 500 msg/s}. */
    public static String formatRate(double perSecond) {
        return format(perSecond) + " msg/s";
    }

    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", (long) value)
                : String.format("%,.2f", value);
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", level);
        json.put("name", name);
        json.put("target", target);
        json.put("measured", measured);
        json.put("met", met);
        return json;
    }
}
