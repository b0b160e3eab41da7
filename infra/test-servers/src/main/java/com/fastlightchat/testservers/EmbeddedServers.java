package com.fastlightchat.testservers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real servers without Docker, on chosen ports (0 = pick a free one), for the local stack and for
 * {@link TestServers} when no Docker engine is reachable:
 * <ul>
 *   <li>Kafka: a single-node KRaft broker+controller inside this JVM, PLAINTEXT on 127.0.0.1;</li>
 *   <li>PostgreSQL 17: a child process, user {@code postgres}, local connections trusted;</li>
 *   <li>MongoDB: the wire protocol over an in-memory backend inside this JVM;</li>
 *   <li>Redis 6.2: a child {@code redis-server} process without persistence.</li>
 * </ul>
 *
 * <p>Kafka, PostgreSQL and Redis can each be stopped and started again independently, for fault-injection tests;
 * they come back on the same port, Kafka and PostgreSQL with their data (Redis comes back empty), and Redis can be
 * flushed while it runs. Stopping is graceful (a Kafka controlled shutdown, {@code pg_ctl stop -m fast}, SIGTERM to
 * Redis).
 *
 * <p>Everything is written below the data directory: {@code kafka/}, {@code postgres/} (the cluster),
 * {@code postgres.log}, {@code redis/}. A later start on the same directory reuses the Kafka and PostgreSQL data.
 * A JVM shutdown hook (which also runs on Ctrl-C) stops everything, so no child process outlives the JVM.
 */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    /**
     * Ports of the four servers; 0 means "any free port", chosen once at start and kept across restarts.
     * Kafka's controller listener always gets another free port.
     */
    public record Ports(int kafka, int postgres, int mongo, int redis) {

        public Ports {
            for (int port : new int[] {kafka, postgres, mongo, redis}) {
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("not a port: " + port);
                }
            }
        }

        /** Every server on a free port. */
        public static Ports random() {
            return new Ports(0, 0, 0, 0);
        }
    }

    /** How much PostgreSQL may trade crash safety for speed. */
    public enum Durability {
        /** fsync, synchronous commit and full-page writes on: a faithful server (the local stack). */
        DURABLE,
        /** fsync, synchronous commit and full-page writes off: data survives a clean restart, not a crash (tests). */
        FAST
    }

    private final ServerEndpoints endpoints;
    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final MongoServer mongo;
    private final RedisServer redis;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedServers(Ports ports, Path dataDirectory, Durability durability) {
        FreePorts freePorts = new FreePorts();
        int kafkaPort = freePorts.orFree(ports.kafka());
        int postgresPort = freePorts.orFree(ports.postgres());
        int mongoPort = freePorts.orFree(ports.mongo());
        int redisPort = freePorts.orFree(ports.redis());
        this.kafka = new KafkaServer(kafkaPort, freePorts.orFree(0), dataDirectory.resolve("kafka"));
        this.postgres = new PostgresServer(postgresPort, dataDirectory.resolve("postgres"),
                dataDirectory.resolve("postgres.log"), durability);
        this.mongo = new MongoServer(mongoPort);
        this.redis = new RedisServer(redisPort, dataDirectory.resolve("redis"));
        this.endpoints = new ServerEndpoints(kafka.bootstrapServers(),
                "127.0.0.1", postgresPort, PostgresServer.USER, PostgresServer.PASSWORD,
                mongo.uri(),
                "127.0.0.1", redisPort);
        this.shutdownHook = new Thread(this::close, "embedded-servers-shutdown");
    }

    /** Starts all four servers with {@link Durability#DURABLE} PostgreSQL settings. */
    public static EmbeddedServers start(Ports ports, Path dataDirectory) {
        return start(ports, dataDirectory, Durability.DURABLE);
    }

    /**
     * Starts all four servers (in parallel) and returns once each accepts connections.
     *
     * @param ports         the ports to listen on, 0 for a free one
     * @param dataDirectory where the servers keep their data; created if absent, reused if it holds data
     * @param durability    PostgreSQL's crash-safety settings
     * @throws IllegalStateException if a server does not start; those already started are stopped again
     */
    public static EmbeddedServers start(Ports ports, Path dataDirectory, Durability durability) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(durability, "durability");
        ServerLogging.quietServerLoggers();
        EmbeddedServers servers = new EmbeddedServers(ports, dataDirectory.toAbsolutePath(), durability);
        Runtime.getRuntime().addShutdownHook(servers.shutdownHook);
        try {
            servers.startAll();
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        log.info("Embedded servers started: {}", servers.endpoints);
        return servers;
    }

    private void startAll() {
        // Redis first and alone: its binary is written to disk and executed at once, and a concurrent process
        // start elsewhere in this JVM (PostgreSQL's initdb) can inherit the open file and make exec fail with
        // "Text file busy".
        redis.start();
        List<ManagedServer> all = List.of(postgres, kafka, mongo);
        ExecutorService executor = Executors.newFixedThreadPool(all.size(), runnable -> {
            Thread thread = new Thread(runnable, "embedded-servers-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (ManagedServer server : all) {
                starts.add(CompletableFuture.runAsync(() -> {
                    long started = System.nanoTime();
                    server.start();
                    log.info("Started {} in {} ms", server.name(), (System.nanoTime() - started) / 1_000_000);
                }, executor));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("could not start the embedded servers: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            executor.shutdown();
        }
    }

    /** Connection details; the same before and after any restart. */
    public ServerEndpoints endpoints() {
        return endpoints;
    }

    /** Stops the Kafka broker (a controlled shutdown); {@link #startKafka()} brings it back on the same port. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the Kafka broker again on the same port, with every record written before the stop. */
    public void startKafka() {
        ensureOpen();
        kafka.start();
    }

    /** Stops PostgreSQL ({@code pg_ctl stop -m fast}); open connections break. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same port, with its data. */
    public void startPostgres() {
        ensureOpen();
        postgres.start();
    }

    /** Stops Redis; its data is lost. */
    public void stopRedis() {
        redis.stop();
    }

    /** Starts Redis again on the same port, empty. */
    public void startRedis() {
        ensureOpen();
        redis.start();
    }

    /** Empties the running Redis ({@code FLUSHALL}) without breaking its clients' connections. */
    public void flushRedis() {
        ensureOpen();
        redis.flushAll();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("these embedded servers are closed");
        }
    }

    /**
     * Stops every server. Deletes nothing: the data directory stays for a later start. Idempotent; also run by the
     * JVM shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ManagedServer server : List.of(kafka, postgres, redis, mongo)) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                log.warn("Could not stop {}", server.name(), e);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // Called from the hook itself, or while the JVM exits: nothing to remove.
        }
    }
}
