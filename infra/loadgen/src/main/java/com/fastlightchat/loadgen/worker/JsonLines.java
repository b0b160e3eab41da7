package com.fastlightchat.loadgen.worker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * How a child process talks to its coordinator: one JSON object per line, commands on stdin, events on stdout
 * (every event has an {@code event} field). Logs go to stderr.
 */
public final class JsonLines {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    private final PrintStream out;

    public JsonLines() {
        this.out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        // Anything a library prints goes to the log, not into the protocol.
        System.setOut(System.err);
    }

    /** The next command, or empty at the end of input (the coordinator is gone). */
    public Optional<JsonNode> next() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    return Optional.of(JSON.readTree(line));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void emit(String event, Map<String, ?> fields) {
        var node = JSON.createObjectNode().put("event", event);
        node.setAll((tools.jackson.databind.node.ObjectNode) JSON.valueToTree(fields));
        out.println(JSON.writeValueAsString(node));
        out.flush();
    }
}
