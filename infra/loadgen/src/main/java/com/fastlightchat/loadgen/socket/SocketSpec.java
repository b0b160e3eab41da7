package com.fastlightchat.loadgen.socket;

import java.util.List;

/**
 * One socket to open.
 *
 * @param namespace the Socket.IO namespace ({@code /sdk} or {@code /agent})
 * @param authJson  the handshake {@code auth} payload as JSON
 * @param joins     chats to {@code chat:join} once connected, in order
 * @param kind      whose socket it is, which decides the histogram its deliveries go to
 * @param port      the server's port (the worker's own destination address is used)
 * @param id        the coordinator's name for the socket, reported back when it fails or drops
 */
public record SocketSpec(String namespace, String authJson, List<String> joins, Kind kind, int port, String id) {

    /** An end user's device or an agent's dashboard. */
    public enum Kind { DEVICE, AGENT }

    public SocketSpec {
        joins = List.copyOf(joins);
    }
}
