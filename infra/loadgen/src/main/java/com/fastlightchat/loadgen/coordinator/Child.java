package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.worker.JsonLines;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the coordinator. For the JVM children ({@code worker}, {@code stack}) commands go to its stdin
 * and events come back from its stdout as JSON lines ({@link JsonLines}); the latest {@code progress} event is kept,
 * every other event is queued by name for {@link #await}. Its stderr (and, for other children, stdout) goes to a
 * log file.
 */
final class Child implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final OutputStream stdin;
    private final Map<String, BlockingQueue<JsonNode>> events = new ConcurrentHashMap<>();
    private final boolean jsonLines;
    private volatile JsonNode progress;

    private Child(String name, Process process, Path log, boolean jsonLines) {
        this.name = name;
        this.jsonLines = jsonLines;
        this.process = process;
        this.log = log;
        this.stdin = process.getOutputStream();
        if (jsonLines) {
            Thread.ofPlatform().daemon().name(name + "-events").start(this::readEvents);
        }
    }

    /** Starts {@code java [jvm] -cp <this class path> com.fastlightchat.loadgen.Bench <mode> [args]}. */
    static Child java(String name, List<String> jvm, List<String> args, Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.fastlightchat.loadgen.Bench");
        command.addAll(args);
        return start(name, command, logDir, true, Map.of());
    }

    /** Starts any other program; its output goes to the log. */
    static Child program(String name, List<String> command, Path logDir, Map<String, String> environment) {
        return start(name, command, logDir, false, environment);
    }

    private static Child start(String name, List<String> command, Path logDir, boolean jsonLines,
                               Map<String, String> environment) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (!jsonLines) {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            }
            builder.environment().putAll(environment);
            return new Child(name, builder.start(), log, jsonLines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private void readEvents() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode event;
                try {
                    event = JsonLines.JSON.readTree(line);
                } catch (JacksonException e) {
                    continue;
                }
                String kind = event.path("event").asString("");
                if (kind.equals("progress")) {
                    progress = event;
                } else {
                    events.computeIfAbsent(kind, k -> new LinkedBlockingQueue<>()).add(event);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The latest progress event, or null before the first one. */
    JsonNode progress() {
        return progress;
    }

    synchronized void send(Map<String, ?> command) {
        try {
            stdin.write(JsonLines.JSON.writeValueAsBytes(command));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not take commands any more (see " + log + ")", e);
        }
    }

    /** The next event of this kind; fails when the process dies or the timeout passes first. */
    JsonNode await(String kind, Duration timeout) {
        BlockingQueue<JsonNode> queue = events.computeIfAbsent(kind, k -> new LinkedBlockingQueue<>());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    return event;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + process.exitValue()
                            + " while we waited for '" + kind + "'; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " sent no '" + kind + "' within " + timeout + "; see " + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Asks politely (end of input for our own children, SIGTERM for others), then insists. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!jsonLines) {
            process.destroy();
        }
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
