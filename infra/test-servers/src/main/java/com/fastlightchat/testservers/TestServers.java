package com.fastlightchat.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The servers shared by every integration test of one JVM, started once and handed out in private
 * {@link Isolation slices}:
 * <pre>{@code
 * static final Isolation db = TestServers.shared().isolate(ChatProjectionIT.class);
 * }</pre>
 *
 * <p>Where Docker is reachable ({@code DockerClientFactory.instance().isDockerAvailable()}), the servers are real
 * images under Testcontainers ({@code apache/kafka}, {@code postgres:17}, {@code mongo:8}, {@code redis:7});
 * otherwise they are {@link EmbeddedServers} on free ports with a temporary data directory. The system property
 * {@code flc.test-servers.mode} (or the environment variable {@code FLC_TEST_SERVERS_MODE}) forces the choice:
 * {@code auto} (default), {@code embedded} or {@code docker}.
 *
 * <p>A JVM shutdown hook stops the servers and deletes the temporary data.
 */
public final class TestServers {

    private static final Logger log = LoggerFactory.getLogger(TestServers.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME_LENGTH = 30;

    private static final Object LOCK = new Object();
    private static volatile TestServers shared;
    private static RuntimeException startFailure;

    private final ServerEndpoints endpoints;

    private TestServers(ServerEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * Starts the servers once per JVM (lazily, thread-safe) and returns them; a JVM shutdown hook stops them.
     *
     * @throws IllegalStateException if the servers could not be started (then every later call fails the same way,
     *                               without trying again)
     */
    public static TestServers shared() {
        TestServers servers = shared;
        if (servers != null) {
            return servers;
        }
        synchronized (LOCK) {
            if (shared == null) {
                if (startFailure != null) {
                    throw new IllegalStateException("the shared test servers failed to start earlier", startFailure);
                }
                try {
                    shared = startServers();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /** Connection details of the shared servers. */
    public ServerEndpoints endpoints() {
        return endpoints;
    }

    /**
     * A fresh slice of the servers: creates a new PostgreSQL database and picks a unique MongoDB database name,
     * Redis key prefix and Kafka topic prefix, all containing {@code name} (sanitized) and a random suffix.
     */
    public Isolation isolate(String name) {
        String slug = slug(name);
        String suffix = HexFormat.of().formatHex(randomBytes(4));
        String database = "t_" + slug.replace('-', '_') + "_" + suffix;
        createDatabase(database);
        return new Isolation(endpoints, slug, database, database,
                "t-" + slug + "-" + suffix + ":",
                "t-" + slug + "-" + suffix + ".");
    }

    /** {@link #isolate(String)} named after the test class's simple name. */
    public Isolation isolate(Class<?> testClass) {
        return isolate(Objects.requireNonNull(testClass, "testClass").getSimpleName());
    }

    private void createDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(endpoints.postgresJdbcUrl("postgres"),
                endpoints.postgresUser(), endpoints.postgresPassword());
             Statement statement = connection.createStatement()) {
            // The name is [a-z0-9_] only (see slug), so it needs no quoting.
            statement.execute("CREATE DATABASE " + database + " OWNER " + endpoints.postgresUser());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static TestServers startServers() {
        String mode = mode();
        boolean docker = switch (mode) {
            case "docker" -> true;
            case "embedded" -> false;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalArgumentException(
                    "flc.test-servers.mode must be auto, embedded or docker, not " + mode);
        };
        long started = System.nanoTime();
        TestServers servers = docker ? startContainers() : startEmbedded();
        log.info("Test servers ({}) ready in {} ms: {}", docker ? "Testcontainers" : "embedded",
                (System.nanoTime() - started) / 1_000_000, servers.endpoints);
        return servers;
    }

    private static String mode() {
        String mode = System.getProperty("flc.test-servers.mode", System.getenv("FLC_TEST_SERVERS_MODE"));
        return mode == null || mode.isBlank() ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            log.debug("Docker is not available", e);
            return false;
        }
    }

    private static TestServers startContainers() {
        ContainerServers containers = ContainerServers.start();
        Runtime.getRuntime().addShutdownHook(new Thread(containers::close, "test-servers-shutdown"));
        return new TestServers(containers.endpoints());
    }

    private static TestServers startEmbedded() {
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("flc-test-servers-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory", e);
        }
        EmbeddedServers embedded;
        try {
            embedded = EmbeddedServers.start(EmbeddedServers.Ports.random(), dataDirectory,
                    EmbeddedServers.Durability.FAST);
        } catch (RuntimeException e) {
            deleteRecursively(dataDirectory);
            throw e;
        }
        // EmbeddedServers has its own hook too; close() is idempotent and waits for a close in progress.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            embedded.close();
            deleteRecursively(dataDirectory);
        }, "test-servers-shutdown"));
        return new TestServers(embedded.endpoints());
    }

    /** {@code ChatProjectionIT} becomes {@code chat-projection-it}: kebab case, [a-z0-9-] only, at most 30 characters. */
    static String slug(String name) {
        Objects.requireNonNull(name, "name");
        String slug = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_NAME_LENGTH) {
            slug = slug.substring(0, MAX_NAME_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "test" : slug;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void deleteRecursively(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}", directory, e);
        }
    }
}
