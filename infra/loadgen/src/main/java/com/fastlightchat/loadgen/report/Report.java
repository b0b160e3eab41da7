package com.fastlightchat.loadgen.report;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark's report, written as {@code report.json} (every figure), {@code report.md} (the same for people, with
 * the targets) and {@code latency.svg} (latency by percentile of every latency series).
 */
public final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String title;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final List<Goal> goals = new ArrayList<>();
    private final List<LatencyPlot.Series> series = new ArrayList<>();

    public Report(String title) {
        this.title = title;
    }

    public void put(String key, Object value) {
        json.put(key, value);
    }

    public Object get(String key) {
        return json.get(key);
    }

    /** Appends a Markdown block (a blank line follows it). */
    public void markdown(String block) {
        markdown.append(block.strip()).append("\n\n");
    }

    public void table(List<String> header, List<List<Object>> rows) {
        StringBuilder table = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> table.append("---|"));
        table.append('\n');
        for (List<Object> row : rows) {
            table.append("| ");
            table.append(String.join(" | ", row.stream().map(Report::cell).toList()));
            table.append(" |\n");
        }
        markdown(table.toString());
    }

    private static String cell(Object value) {
        if (value instanceof Double d) {
            return Goal.format(Latency.round(d));
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format("%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }

    public void goal(Goal goal) {
        goals.add(goal);
    }

    public List<Goal> goals() {
        return List.copyOf(goals);
    }

    /** Adds a latency series (microseconds) to the plot. */
    public void plot(String label, Histogram micros) {
        series.add(new LatencyPlot.Series(label, micros.copy()));
    }

    /** Writes the three files into {@code directory} (created) and returns it. */
    public Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            json.put("goals", goals.stream().map(Goal::json).toList());
            Files.writeString(directory.resolve("report.json"), JSON.writeValueAsString(json));
            StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
            if (!goals.isEmpty()) {
                md.append("## Targets\n\n| level | measure | target | measured | met |\n|---|---|---|---|---|\n");
                for (Goal goal : goals) {
                    md.append("| ").append(goal.level()).append(" | ").append(goal.name()).append(" | ")
                            .append(goal.target()).append(" | ").append(goal.measured()).append(" | ")
                            .append(goal.met() ? "yes" : "**no**").append(" |\n");
                }
                md.append('\n');
            }
            md.append(markdown);
            if (!series.isEmpty()) {
                md.append("![latency by percentile](latency.svg)\n");
            }
            Files.writeString(directory.resolve("report.md"), md.toString());
            if (!series.isEmpty()) {
                Files.writeString(directory.resolve("latency.svg"), LatencyPlot.svg(title, series));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + directory, e);
        }
    }
}
