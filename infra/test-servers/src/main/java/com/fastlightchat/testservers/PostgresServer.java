package com.fastlightchat.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server process (zonky binaries), its cluster kept in a fixed data directory so that a restart
 * keeps the data. {@code initdb} runs only when the directory holds no cluster yet.
 *
 * <p>When the JVM runs as root (containers, CI), the zonky library runs {@code initdb}/{@code pg_ctl} through
 * {@code unshare -U}, because PostgreSQL refuses to run as root.
 */
final class PostgresServer implements ManagedServer {

    static final String USER = "postgres";
    /** Local connections are trusted; any password is accepted. */
    static final String PASSWORD = "postgres";

    private final int port;
    private final Path dataDirectory;
    private final Path logFile;
    private final EmbeddedServers.Durability durability;
    private EmbeddedPostgres postgres;

    /**
     * @param dataDirectory the cluster's data directory ({@code PGDATA}); created and initialised when absent
     * @param logFile       receives the output of initdb, pg_ctl and the server
     */
    PostgresServer(int port, Path dataDirectory, Path logFile, EmbeddedServers.Durability durability) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.durability = durability;
    }

    @Override
    public String name() {
        return "PostgreSQL on port " + port;
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        StaleProcesses.endIfAlive(dataDirectory.resolve("postmaster.pid"), "postgres");
        boolean durable = durability == EmbeddedServers.Durability.DURABLE;
        try {
            Files.createDirectories(logFile.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // EmbeddedServers owns the shutdown hook, which also covers restarted instances.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name() + " (see " + logFile + ")", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start " + name() + " (see " + logFile + ")", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            // pg_ctl stop -m fast: rolls back open transactions, checkpoints, keeps all committed data.
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop " + name(), e);
        } finally {
            postgres = null;
        }
    }
}
