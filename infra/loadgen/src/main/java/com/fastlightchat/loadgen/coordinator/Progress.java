package com.fastlightchat.loadgen.coordinator;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The progress line: every two seconds the current phase describes itself. On a terminal the line is rewritten in
 * place; otherwise (a log, CI) a line is printed every ten seconds.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out = System.out;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("progress-line").factory());
    private volatile String phase = "starting";
    private volatile Supplier<String> status = () -> "";
    private int ticks;
    private int width;

    Progress() {
        timer.scheduleAtFixedRate(this::tick, 2, 2, TimeUnit.SECONDS);
    }

    /** A new phase: its first line is printed at once. */
    void phase(String name, Supplier<String> status) {
        this.status = status;
        synchronized (this) {
            endLine();
            this.phase = name;
            print(line(), true);
        }
    }

    /** A message of its own line (above the progress line). */
    synchronized void say(String message) {
        endLine();
        out.println(stamp() + message);
    }

    private synchronized void tick() {
        ticks++;
        if (terminal) {
            print(line(), false);
        } else if (ticks % 5 == 0) {
            print(line(), true);
        }
    }

    private String line() {
        String detail;
        try {
            detail = status.get();
        } catch (RuntimeException e) {
            detail = "(" + e.getClass().getSimpleName() + ")";
        }
        return stamp() + "[" + phase + "] " + detail;
    }

    private String stamp() {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        return String.format("%02d:%02d:%02d ", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private void print(String line, boolean newLine) {
        if (terminal && !newLine) {
            String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
            out.print("\r" + padded);
            width = line.length();
        } else {
            if (terminal) {
                out.print("\r");
            }
            out.println(line);
            width = 0;
        }
        out.flush();
    }

    private void endLine() {
        if (terminal && width > 0) {
            out.println();
            width = 0;
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        endLine();
    }
}
