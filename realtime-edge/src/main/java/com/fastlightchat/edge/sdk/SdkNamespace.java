package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.fastlightchat.edge.sdk.access.ChatAccess;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The {@code /sdk} namespace, where end users' widgets connect.
 *
 * <h2>Connecting</h2>
 * The client passes {@code auth: {pluginKey, userToken}} (Socket.IO v4; query parameters of the same names are the
 * fallback), checked by {@link SdkHandshakes}. An accepted socket joins {@code user:<userId>}. A rejected one gets
 * {@code connect_error} with {@code {message}} saying why, and its connection is closed shortly after (a
 * well-behaved client closes it itself on {@code connect_error}).
 *
 * <h2>Client events</h2>
 * <ul>
 *   <li>{@value #JOIN} {@code {chatId}}, with an ack: joins {@code chat:<chatId>} if {@link ChatAccess} allows,
 *   then acks {@code {ok: true}}, so events of the chat are delivered from the moment the ack arrives. Otherwise
 *   acks {@code {ok: false, error}} with {@code error} one of {@code not-found} (no such chat, or not this user's),
 *   {@code unavailable} (try again later), {@code unauthenticated} (token expired: reconnect with a new one),
 *   {@code invalid-request}.</li>
 *   <li>{@value #LEAVE} {@code {chatId}}, ack optional: leaves the chat's room; acks {@code {ok: true}}.</li>
 * </ul>
 * Server events are described by {@link ClientEvents}.
 */
public final class SdkNamespace implements AutoCloseable {

    public static final String NAME = "/sdk";
    public static final String JOIN = "chat:join";
    public static final String LEAVE = "chat:leave";

    /** Key of the {@link SdkSession} in the client's store. */
    static final String SESSION = "flc.sdk.session";
    /** Grace period for a rejected client to read its {@code connect_error} before the server closes it. */
    static final Duration REJECTED_CLOSE_DELAY = Duration.ofSeconds(1);

    /** Payload of {@value #JOIN} and {@value #LEAVE}. */
    public record ChatRef(String chatId) {
    }

    private static final Logger log = LoggerFactory.getLogger(SdkNamespace.class);

    private final SocketIONamespace namespace;
    private final SdkHandshakes handshakes;
    private final ChatAccess access;
    /** Access checks block on Redis and HTTP; they never run on the Socket.IO event loop. */
    private final ExecutorService blocking = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sdk-join-", 0).factory());

    public SdkNamespace(SocketIOServer server, SdkHandshakes handshakes, ChatAccess access) {
        this.handshakes = handshakes;
        this.access = access;
        this.namespace = server.addNamespace(NAME);
        namespace.addAuthTokenListener(this::onAuthPayload);
        namespace.addConnectListener(this::onConnect);
        namespace.addDisconnectListener(client -> client.del(SESSION));
        namespace.addEventListener(JOIN, ChatRef.class, this::onJoin);
        namespace.addEventListener(LEAVE, ChatRef.class, this::onLeave);
    }

    /** The namespace, for emitting to its rooms. */
    public SocketIONamespace namespace() {
        return namespace;
    }

    /** Called for a v4 CONNECT packet that carries an {@code auth} payload, before the client is connected. */
    private AuthTokenResult onAuthPayload(Object authPayload, SocketIOClient client) {
        try {
            client.set(SESSION, handshakes.authenticate(authPayload, client.getHandshakeData()));
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (InvalidTokenException e) {
            log.debug("rejected /sdk connection {}: {}", client.getSessionId(), e.getMessage());
            closeLater(client);
            return new AuthTokenResult(false, Map.of("message", e.getMessage()));
        }
    }

    /**
     * Called once the client is connected. Without an {@code auth} payload no session exists yet and the query
     * parameters are the only credentials; a rejection then arrives as {@code connect_error} right after
     * {@code connect}.
     */
    private void onConnect(SocketIOClient client) {
        SdkSession session = client.get(SESSION);
        if (session == null) {
            try {
                session = handshakes.authenticate(null, client.getHandshakeData());
                client.set(SESSION, session);
            } catch (InvalidTokenException e) {
                log.debug("rejected /sdk connection {}: {}", client.getSessionId(), e.getMessage());
                Packet error = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
                error.setSubType(PacketType.ERROR);
                error.setData(Map.of("message", e.getMessage()));
                client.send(error);
                closeLater(client);
                return;
            }
        }
        client.joinRoom(Rooms.user(session.userId()));
    }

    private void onJoin(SocketIOClient client, ChatRef request, AckRequest ack) {
        SdkSession session = client.get(SESSION);
        if (session == null) {
            ack.sendAckData(failure("unauthenticated"));
            return;
        }
        String chatId = request == null ? null : request.chatId();
        if (chatId == null || !Ids.FORMAT.matcher(chatId).matches()) {
            ack.sendAckData(failure("invalid-request"));
            return;
        }
        try {
            blocking.execute(() -> join(client, session, new ChatId(chatId), ack));
        } catch (RejectedExecutionException e) {
            ack.sendAckData(failure("unavailable"));
        }
    }

    private void join(SocketIOClient client, SdkSession session, ChatId chatId, AckRequest ack) {
        try {
            handshakes.reverify(session);
        } catch (InvalidTokenException e) {
            ack.sendAckData(failure("unauthenticated"));
            return;
        }
        switch (access.check(session, chatId)) {
            case ALLOWED -> {
                String room = Rooms.chat(chatId.value());
                client.joinRoom(room);
                if (namespace.getClient(client.getSessionId()) == null) {
                    client.leaveRoom(room); // disconnected while we asked
                    return;
                }
                ack.sendAckData(Map.of("ok", true));
            }
            case DENIED -> ack.sendAckData(failure("not-found"));
            case UNAVAILABLE -> ack.sendAckData(failure("unavailable"));
        }
    }

    private void onLeave(SocketIOClient client, ChatRef request, AckRequest ack) {
        if (request != null && request.chatId() != null && Ids.FORMAT.matcher(request.chatId()).matches()) {
            client.leaveRoom(Rooms.chat(request.chatId()));
        }
        ack.sendAckData(Map.of("ok", true));
    }

    private static Map<String, Object> failure(String error) {
        return Map.of("ok", false, "error", error);
    }

    /** Closes the whole connection of a rejected client unless it has authenticated since. */
    private static void closeLater(SocketIOClient client) {
        CompletableFuture.delayedExecutor(REJECTED_CLOSE_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (client.get(SESSION) != null) {
                return;
            }
            if (client instanceof NamespaceClient namespaceClient) {
                namespaceClient.getBaseClient().disconnect();
            } else {
                client.disconnect();
            }
        });
    }

    @Override
    public void close() {
        blocking.shutdownNow();
    }
}
