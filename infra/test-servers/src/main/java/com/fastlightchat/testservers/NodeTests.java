package com.fastlightchat.testservers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a folder of Node tests ({@code infra/node-tests}, {@code infra/browser-tests}) from a JUnit test: installs
 * their locked dependencies with {@code npm ci} when {@code node_modules} is missing, then runs a command there with
 * extra environment variables, its output copied into this JVM's (so it lands in the Failsafe report).
 */
public final class NodeTests {

    private final Path directory;

    public NodeTests(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Whether {@code node} and {@code npm} are on the PATH. */
    public static boolean available() {
        return onPath("node") && onPath("npm");
    }

    public static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }

    /** {@code npm ci} from the committed lock file, unless the dependencies are installed already; its exit code. */
    public int install() {
        if (Files.isDirectory(directory.resolve("node_modules"))) {
            return 0;
        }
        return run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Map.of(), Duration.ofMinutes(5));
    }

    /** Runs {@code command} in the folder and returns its exit code; fails if it does not end within {@code timeout}. */
    public int run(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread.ofVirtual().start(() -> process.inputReader(StandardCharsets.UTF_8).lines()
                    .forEach(System.out::println));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + " in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
