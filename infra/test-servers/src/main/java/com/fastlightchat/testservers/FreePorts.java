package com.fastlightchat.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Picks currently free loopback ports, never the same one twice within one instance. */
public final class FreePorts {

    private final Set<Integer> handedOut = new HashSet<>();
    private final int from;
    private final int to;

    /** Ports the system hands out for listening (its ephemeral range). */
    public FreePorts() {
        this(0, 0);
    }

    private FreePorts(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Ports below the system's range of client ports (10000-32767 by default on Linux, whose ephemeral range starts
     * at 32768): no outgoing connection of any process can take such a port between its pick and its bind, which
     * matters on a machine that opens tens of thousands of connections (benchmarks).
     */
    public static FreePorts belowClientPorts() {
        return new FreePorts(10_000, 32_767);
    }

    /** {@code port} itself when it is not 0, otherwise a free port. */
    public synchronized int orFree(int port) {
        if (port != 0) {
            handedOut.add(port);
            return port;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = pick();
            if (handedOut.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("could not find a free port");
    }

    private int pick() {
        if (from > 0) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int candidate = java.util.concurrent.ThreadLocalRandom.current().nextInt(from, to + 1);
                try (ServerSocket socket = new ServerSocket(candidate, 1)) {
                    return socket.getLocalPort();
                } catch (IOException taken) {
                    // try another one
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }
}
