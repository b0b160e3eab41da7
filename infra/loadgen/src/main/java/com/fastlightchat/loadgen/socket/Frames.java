package com.fastlightchat.loadgen.socket;

/**
 * Socket.IO v5 packets inside Engine.IO v4 text frames, over a WebSocket from the start (no polling, no binary).
 *
 * <p>An Engine.IO frame starts with its type digit: {@code 0} open, {@code 1} close, {@code 2} ping, {@code 3} pong,
 * {@code 4} message. A message carries a Socket.IO packet: its type digit ({@code 0} connect, {@code 1} disconnect,
 * {@code 2} event, {@code 3} ack, {@code 4} connect error), the namespace followed by a comma unless it is
 * {@code /}, an optional ack id, then JSON: {@code 42/sdk,7["chat:join",{"chatId":"ch_1"}]}.
 */
public final class Frames {

    public static final char OPEN = '0';
    public static final char CLOSE = '1';
    public static final char PING = '2';
    public static final char PONG = '3';
    public static final char MESSAGE = '4';

    public static final char CONNECT = '0';
    public static final char DISCONNECT = '1';
    public static final char EVENT = '2';
    public static final char ACK = '3';
    public static final char CONNECT_ERROR = '4';

    /** The Engine.IO pong answering a ping. */
    public static final String PONG_FRAME = "3";

    private Frames() {
    }

    /**
     * One frame as received.
     *
     * @param engineType the Engine.IO type
     * @param socketType the Socket.IO type for a {@link #MESSAGE}, otherwise 0
     * @param namespace  the Socket.IO namespace ({@code /} when none is named)
     * @param ackId      the ack id, or -1
     * @param data       the JSON after the header (may be empty)
     */
    public record Inbound(char engineType, char socketType, String namespace, long ackId, String data) {
    }

    /** {@code 40/ns,{auth}}: joins a namespace with a handshake {@code auth} payload (JSON, may be null). */
    public static String connect(String namespace, String authJson) {
        return "40" + prefix(namespace) + (authJson == null ? "" : authJson);
    }

    /** {@code 42/ns,<ackId>[...]}: an event; {@code ackId < 0} asks for no acknowledgement. */
    public static String event(String namespace, long ackId, String argumentsJson) {
        return "42" + prefix(namespace) + (ackId >= 0 ? Long.toString(ackId) : "") + argumentsJson;
    }

    private static String prefix(String namespace) {
        return namespace == null || namespace.equals("/") ? "" : namespace + ",";
    }

    /** Splits a received text frame; throws {@link IllegalArgumentException} for a malformed one. */
    public static Inbound parse(String frame) {
        if (frame.isEmpty()) {
            throw new IllegalArgumentException("empty frame");
        }
        char engineType = frame.charAt(0);
        if (engineType != MESSAGE) {
            return new Inbound(engineType, (char) 0, "/", -1, frame.substring(1));
        }
        if (frame.length() < 2) {
            throw new IllegalArgumentException("message without a Socket.IO packet: " + frame);
        }
        char socketType = frame.charAt(1);
        int at = 2;
        String namespace = "/";
        if (at < frame.length() && frame.charAt(at) == '/') {
            int comma = frame.indexOf(',', at);
            int end = comma < 0 ? frame.length() : comma;
            namespace = frame.substring(at, end);
            at = comma < 0 ? end : comma + 1;
        }
        long ackId = -1;
        int digits = at;
        while (digits < frame.length() && Character.isDigit(frame.charAt(digits))) {
            digits++;
        }
        if (digits > at) {
            ackId = Long.parseLong(frame, at, digits, 10);
            at = digits;
        }
        return new Inbound(engineType, socketType, namespace, ackId, frame.substring(at));
    }
}
