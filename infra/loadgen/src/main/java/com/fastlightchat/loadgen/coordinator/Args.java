package com.fastlightchat.loadgen.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line options {@code --name value}, {@code --name=value}, {@code --flag} and {@code --no-flag}. Every
 * option read is remembered with the value used (given or default), for the report.
 */
public final class Args {

    /** Options whose value may itself start with {@code --} (JVM options, Spring arguments). */
    private static final java.util.Set<String> VERBATIM = java.util.Set.of("edge-args", "edge-jvm", "service-jvm",
            "worker-jvm");

    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, Object> used = new TreeMap<>();

    public Args(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "' (options are --name value)");
            }
            String name = argument.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                given.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (name.startsWith("no-")) {
                given.put(name.substring(3), "false");
            } else if (i + 1 < arguments.size()
                    && (VERBATIM.contains(name) || !arguments.get(i + 1).startsWith("--"))) {
                given.put(name, arguments.get(++i));
            } else {
                given.put(name, "true");
            }
        }
    }

    public int integer(String name, int otherwise) {
        int value = given.containsKey(name) ? (int) Math.round(number(given.get(name))) : otherwise;
        used.put(name, value);
        return value;
    }

    public double decimal(String name, double otherwise) {
        double value = given.containsKey(name) ? number(given.get(name)) : otherwise;
        used.put(name, value);
        return value;
    }

    /** A list of numbers, e.g. {@code 250,500,1000}. */
    public List<Double> decimals(String name, List<Double> otherwise) {
        List<Double> value = given.containsKey(name)
                ? Arrays.stream(given.get(name).split(",")).map(String::trim).map(Args::number).toList()
                : otherwise;
        used.put(name, value);
        return value;
    }

    public boolean flag(String name, boolean otherwise) {
        boolean value = given.containsKey(name) ? Boolean.parseBoolean(given.get(name)) : otherwise;
        used.put(name, value);
        return value;
    }

    public String text(String name, String otherwise) {
        String value = given.getOrDefault(name, otherwise);
        used.put(name, value);
        return value;
    }

    /** A duration: {@code 90s}, {@code 5m}, {@code 1h} or seconds. */
    public Duration duration(String name, Duration otherwise) {
        Duration value = given.containsKey(name) ? parseDuration(given.get(name)) : otherwise;
        used.put(name, value.toSeconds() + "s");
        return value;
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    private static double number(String text) {
        String t = text.trim().replace("_", "").replace(",", "").toLowerCase();
        double factor = 1;
        if (t.endsWith("k")) {
            factor = 1000;
            t = t.substring(0, t.length() - 1);
        }
        return Double.parseDouble(t) * factor;
    }

    /** Options given that no scenario read: most likely typos. */
    public List<String> unused() {
        List<String> unused = new ArrayList<>(given.keySet());
        unused.removeAll(used.keySet());
        return unused;
    }

    public Map<String, Object> used() {
        return new TreeMap<>(used);
    }
}
