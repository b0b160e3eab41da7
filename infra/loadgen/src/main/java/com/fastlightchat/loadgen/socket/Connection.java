package com.fastlightchat.loadgen.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * One socket: the last handler of its Netty pipeline, after the WebSocket handshake. It answers Engine.IO pings,
 * connects to its namespace with its {@code auth} payload, joins its chats one after the other (a {@code not-found}
 * is retried, since the query side projects a new chat a moment after it is opened), then classifies every
 * {@code chat.event} it receives and reports it to its {@link Fleet}. Runs on the channel's event loop only.
 */
final class Connection extends SimpleChannelInboundHandler<WebSocketFrame> {

    static final String EVENT = "chat.event";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A join answered {@code not-found} is tried again this often, this many times. */
    private static final long JOIN_RETRY_MILLIS = 500;
    private static final int JOIN_ATTEMPTS = 240;

    private enum State { HANDSHAKING, CONNECTING, JOINING, READY, FAILED }

    private final SocketSpec spec;
    private final Fleet fleet;
    private final long startedNanos;
    private final Deliveries deliveries = new Deliveries();
    private State state = State.HANDSHAKING;
    private Channel channel;
    private int joinIndex;
    private int joinAttempts;
    private long joinSentNanos;
    private long nextAckId;
    private long pendingAck = -1;
    private volatile boolean closing;
    private boolean namespaceConnected;

    Connection(SocketSpec spec, Fleet fleet) {
        this.spec = spec;
        this.fleet = fleet;
        this.startedNanos = System.nanoTime();
    }

    SocketSpec spec() {
        return spec;
    }

    /** Closes the socket on purpose: its end does not count as an unexpected disconnect. */
    void close() {
        closing = true;
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    boolean closing() {
        return closing;
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    /** The TCP connection could not be made. */
    void connectFailed(String reason) {
        fail("connect: " + reason);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fail("websocket handshake timed out");
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        Frames.Inbound inbound;
        try {
            inbound = Frames.parse(text.text());
        } catch (IllegalArgumentException e) {
            fleet.malformed();
            return;
        }
        switch (inbound.engineType()) {
            case Frames.OPEN -> {
                state = State.CONNECTING;
                send(Frames.connect(spec.namespace(), spec.authJson()));
            }
            case Frames.PING -> send(Frames.PONG_FRAME);
            case Frames.MESSAGE -> onPacket(inbound);
            default -> {
                // close (the channel ends next) or noop
            }
        }
    }

    private void onPacket(Frames.Inbound packet) {
        switch (packet.socketType()) {
            case Frames.CONNECT -> {
                namespaceConnected = true;
                fleet.connected(this, System.nanoTime() - startedNanos);
                state = State.JOINING;
                joinNext();
            }
            case Frames.CONNECT_ERROR -> {
                fleet.rejected(packet.data());
                fail("connect_error " + packet.data());
                channel.close();
            }
            case Frames.ACK -> onAck(packet);
            case Frames.EVENT -> onEvent(packet.data());
            case Frames.DISCONNECT -> channel.close();
            default -> fleet.malformed();
        }
    }

    private void joinNext() {
        if (joinIndex >= spec.joins().size()) {
            state = State.READY;
            fleet.ready(this);
            return;
        }
        pendingAck = nextAckId++;
        joinSentNanos = System.nanoTime();
        joinAttempts++;
        send(Frames.event(spec.namespace(), pendingAck,
                "[\"chat:join\",{\"chatId\":\"" + spec.joins().get(joinIndex) + "\"}]"));
    }

    private void onAck(Frames.Inbound packet) {
        if (packet.ackId() != pendingAck || state != State.JOINING) {
            return;
        }
        pendingAck = -1;
        JsonNode answer;
        try {
            answer = JSON.readTree(packet.data()).path(0);
        } catch (JacksonException e) {
            fleet.malformed();
            return;
        }
        String chatId = spec.joins().get(joinIndex);
        if (answer.path("ok").asBoolean(false)) {
            fleet.joined(System.nanoTime() - joinSentNanos, joinAttempts - 1);
            deliveries.joined(chatId, answer.path("lastSequence").asLong(0));
            joinIndex++;
            joinAttempts = 0;
            joinNext();
        } else if ("not-found".equals(answer.path("error").asString("")) && joinAttempts < JOIN_ATTEMPTS
                || "unavailable".equals(answer.path("error").asString(""))) {
            channel.eventLoop().schedule(this::joinNext, JOIN_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            fleet.joinFailed(answer.toString());
            fail("join of " + chatId + " failed: " + answer);
        }
    }

    private void onEvent(String data) {
        long arrived = BenchMessages.nowMicros();
        JsonNode arguments;
        try {
            arguments = JSON.readTree(data);
        } catch (JacksonException e) {
            fleet.malformed();
            return;
        }
        if (!EVENT.equals(arguments.path(0).asString(""))) {
            return;
        }
        JsonNode body = arguments.path(1);
        String type = body.path("type").asString("");
        if ("resync.required".equals(type)) {
            fleet.resyncRequired();
            return;
        }
        long sequence = body.path("sequence").asLong(-1);
        String chatId = body.path("chatId").asString(null);
        if (sequence < 1 || chatId == null) {
            fleet.signal();
            return;
        }
        Deliveries.Outcome outcome = deliveries.accept(chatId, sequence);
        long planned = BenchMessages.plannedMicros(body.path("message").path("clientMessageId").asString(null));
        if (outcome == Deliveries.Outcome.DUPLICATE) {
            fleet.duplicate(spec.kind(), planned >= 0);
            return;
        }
        if (planned < 0) {
            fleet.otherEvent();
            return;
        }
        long sinceOccurred = -1;
        String occurredAt = body.path("occurredAt").asString(null);
        if (occurredAt != null) {
            try {
                sinceOccurred = arrived - BenchMessages.micros(Instant.parse(occurredAt));
            } catch (DateTimeParseException e) {
                fleet.malformed();
            }
        }
        fleet.delivered(spec.kind(), arrived - planned, sinceOccurred);
    }

    long gaps() {
        return deliveries.gaps();
    }

    private void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    private void fail(String reason) {
        if (state != State.FAILED && state != State.READY) {
            state = State.FAILED;
            fleet.failed(this, reason);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (state != State.FAILED && state != State.READY) {
            fail("closed during setup");
        }
        fleet.closed(this, namespaceConnected, closing);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fleet.error(cause);
        ctx.close();
    }
}
