package com.fastlightchat.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a server process left behind by a JVM that was killed without running its shutdown hooks (kill -9, a crashed
 * IDE), so that the next start on the same data directory and port succeeds.
 */
final class StaleProcesses {

    private static final Logger log = LoggerFactory.getLogger(StaleProcesses.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private StaleProcesses() {
    }

    /**
     * Reads the pid in the first line of {@code pidFile} and, if a process with that pid is alive and its command
     * contains {@code commandFragment}, terminates it (forcibly after a grace period).
     */
    static void endIfAlive(Path pidFile, String commandFragment) {
        readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandOf(process).contains(commandFragment))
                .ifPresent(StaleProcesses::end);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::strip).map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandOf(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().or(info::commandLine).orElse("");
    }

    private static void end(ProcessHandle process) {
        log.warn("Ending stale server process {} ({}) left behind by an earlier run", process.pid(), commandOf(process));
        process.destroy();
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
