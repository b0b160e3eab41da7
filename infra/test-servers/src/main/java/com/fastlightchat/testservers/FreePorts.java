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

    private static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }
}
