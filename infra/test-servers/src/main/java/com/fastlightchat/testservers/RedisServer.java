package com.fastlightchat.testservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real {@code redis-server} 6.2 process (the binary shipped in embedded-redis), bound to 127.0.0.1, without
 * persistence: a restart comes back empty, like a flushed Redis.
 */
final class RedisServer implements ManagedServer {

    private final int port;
    private final Path directory;
    private redis.embedded.RedisServer server;

    /** @param directory the server's working directory; holds its pid file */
    RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "Redis on port " + port;
    }

    @Override
    public synchronized void start() {
        Path pidFile = directory.resolve("redis.pid");
        try {
            if (server == null) {
                Files.createDirectories(directory);
                // Built once: every build extracts the binary again. The instance can be started again after stop().
                server = redis.embedded.RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("dir " + quoted(directory))
                        .setting("pidfile " + quoted(pidFile))
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("daemonize no")
                        .onShutdownForceStop(false)
                        .build();
            }
            if (!server.isActive()) {
                StaleProcesses.endIfAlive(pidFile, "redis-server");
                server.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null || !server.isActive()) {
            return;
        }
        try {
            // SIGTERM, then waits for the process to exit so that the port is free again.
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop " + name(), e);
        }
    }

    /** Deletes every key of every database ({@code FLUSHALL}); the server and its clients' connections stay up. */
    synchronized void flushAll() {
        if (server == null || !server.isActive()) {
            throw new IllegalStateException(name() + " is not running");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (!"+OK".equals(reply)) {
                throw new IllegalStateException(name() + " answered FLUSHALL with " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not flush " + name(), e);
        }
    }

    private static String quoted(Path path) {
        return '"' + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
