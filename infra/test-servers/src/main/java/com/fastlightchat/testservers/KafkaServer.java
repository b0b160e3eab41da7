package com.fastlightchat.testservers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka (combined broker and controller) running inside this JVM.
 *
 * <p>The log directory is formatted with {@code kafka-storage format --ignore-formatted} before every start, which
 * formats it the first time and keeps the data afterwards. Topics are auto-created with 3 partitions.
 */
final class KafkaServer implements ManagedServer {

    static final int NODE_ID = 1;

    private final int port;
    private final int controllerPort;
    private final Path directory;
    private KafkaRaftServer server;

    /**
     * @param port           the PLAINTEXT listener on 127.0.0.1, which clients use
     * @param controllerPort the KRaft controller listener on 127.0.0.1
     * @param directory      holds {@code server.properties} and the log directory
     */
    KafkaServer(int port, int controllerPort, Path directory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "Kafka on port " + port;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties config = config();
        format(config);
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        try {
            // Returns once the broker is registered with the controller, unfenced and serving.
            starting.startup();
        } catch (RuntimeException | Error e) {
            IllegalStateException failure = new IllegalStateException("could not start " + name(), e);
            try {
                shutDown(starting);
            } catch (RuntimeException | Error cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
            }
            throw failure;
        }
        server = starting;
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            shutDown(server);
        } finally {
            server = null;
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private Properties config() {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", Integer.toString(NODE_ID));
        config.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("log.dirs", directory.resolve("logs").toString());

        // One node: every internal topic has a single replica.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("default.replication.factor", "1");
        config.setProperty("min.insync.replicas", "1");

        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("num.partitions", "3");
        config.setProperty("group.initial.rebalance.delay.ms", "0");

        // Fast on a small machine: fewer internal partitions and threads, quicker registration.
        config.setProperty("offsets.topic.num.partitions", "5");
        config.setProperty("transaction.state.log.num.partitions", "5");
        config.setProperty("share.coordinator.state.topic.num.partitions", "5");
        config.setProperty("num.network.threads", "2");
        config.setProperty("num.io.threads", "2");
        config.setProperty("background.threads", "2");
        config.setProperty("num.recovery.threads.per.data.dir", "1");
        config.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        config.setProperty("broker.heartbeat.interval.ms", "500");
        return config;
    }

    /** The id the log directory was formatted with, or a new one. Formatting checks it even with --ignore-formatted. */
    private String clusterId() {
        Path metaProperties = directory.resolve("logs").resolve("meta.properties");
        if (Files.isRegularFile(metaProperties)) {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(metaProperties)) {
                meta.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + metaProperties, e);
            }
            String clusterId = meta.getProperty("cluster.id");
            if (clusterId != null && !clusterId.isBlank()) {
                return clusterId;
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** The equivalent of {@code kafka-storage.sh format --cluster-id <id> --config <file> --ignore-formatted}. */
    private void format(Properties config) {
        Path propertiesFile = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                config.store(out, "Written by test-servers on every start; edits are overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + propertiesFile, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                    "format",
                    "--cluster-id", clusterId(),
                    "--config", propertiesFile.toString(),
                    "--ignore-formatted"}, printStream);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not format the Kafka log directory: " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("could not format the Kafka log directory (exit code " + exitCode + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
