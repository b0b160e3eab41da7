package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fastlightchat.edge.delivery.CatchUp;
import com.fastlightchat.edge.delivery.ClientEvents.Audience;
import com.fastlightchat.edge.delivery.OutboundBudget;
import com.fastlightchat.edge.delivery.Subscriber;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.live.Presence;
import com.fastlightchat.edge.live.TeamAvailability;
import com.fastlightchat.edge.privacy.KeyWarmer;
import com.fastlightchat.edge.sdk.access.ChatAccess;
import com.fastlightchat.edge.sdk.access.QuerySideMessages;
import com.fastlightchat.edge.socket.ChatCaller;
import com.fastlightchat.edge.unread.QuerySideUnread;
import com.fastlightchat.edge.unread.UnreadSource;
import com.fastlightchat.edge.socket.ChatRequestHandlers;
import com.fastlightchat.edge.socket.Connections;
import com.fastlightchat.edge.socket.SocketEmitter;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code /sdk} namespace, where end users' widgets connect.
 *
 * <h2>Connecting</h2>
 * The client passes {@code auth: {pluginKey, userToken}} (Socket.IO v4; query parameters of the same names are the
 * fallback), checked by {@link SdkHandshakes}. An accepted socket joins {@code user:<userId>} and
 * {@code org:<organizationId>} (team availability), counts for the user's presence, and is sent the current
 * {@value ClientEvents#TEAM_AVAILABILITY}. A rejected one gets {@code connect_error} with {@code {message}} saying why, and its connection
 * is closed shortly after (a well-behaved client closes it itself on {@code connect_error}).
 *
 * <h2>Client events</h2>
 * The chat requests of {@link ChatRequestHandlers}; a chat may be followed when the query side says it is the
 * user's ({@link ChatAccess}), and what the recent-events window cannot answer is read from the query side
 * ({@link QuerySideMessages}). The whole protocol is in {@code realtime-edge/PROTOCOL.md}.
 */
public final class SdkNamespace {

    public static final String NAME = "/sdk";

    /** Grace period for a rejected client to read its {@code connect_error} before the server closes it. */
    static final Duration REJECTED_CLOSE_DELAY = Duration.ofSeconds(1);
    /** Key of the {@link SdkSession} in the client's store. */
    static final String SESSION = "flc.sdk.session";

    private static final Logger log = LoggerFactory.getLogger(SdkNamespace.class);

    /** A connected end user's socket. */
    private record SdkCaller(SdkSession session, Subscriber subscriber, SdkHandshakes handshakes, ChatAccess access,
                             QuerySideMessages messages) implements ChatCaller {

        @Override
        public Actor actor() {
            return Actor.user(session.userId());
        }

        @Override
        public Admission admit(String chatId) {
            try {
                handshakes.reverify(session);
            } catch (InvalidTokenException e) {
                return Admission.UNAUTHENTICATED;
            }
            return switch (access.check(session, new ChatId(chatId))) {
                case ALLOWED -> Admission.ALLOWED;
                case DENIED -> Admission.NOT_FOUND;
                case UNAVAILABLE -> Admission.UNAVAILABLE;
            };
        }

        @Override
        public CatchUp.Fallback fallback() {
            return messages.forSession(session);
        }

        @Override
        public UnreadSource unreadSource(QuerySideUnread querySide) {
            return querySide.forUser(session.pluginKey(), session.userToken());
        }
    }

    /** Limits of one socket's delivery. */
    public record Limits(int maxBacklog, int maxCatchUpBuffer) {
    }

    private final SocketIONamespace namespace;
    private final SdkHandshakes handshakes;
    private final ChatAccess access;
    private final QuerySideMessages messages;
    private final Presence presence;
    private final TeamAvailability team;
    private final Limits limits;
    private final KeyWarmer keyWarmer;

    public SdkNamespace(SocketIOServer server, SdkHandshakes handshakes, ChatAccess access, QuerySideMessages messages,
                        Presence presence, TeamAvailability team, Limits limits, KeyWarmer keyWarmer) {
        this.keyWarmer = keyWarmer;
        this.handshakes = handshakes;
        this.access = access;
        this.messages = messages;
        this.presence = presence;
        this.team = team;
        this.limits = limits;
        this.namespace = server.addNamespace(NAME);
        namespace.addAuthTokenListener(this::onAuthPayload);
        namespace.addConnectListener(this::onConnect);
        namespace.addDisconnectListener(this::onDisconnect);
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
            closeLater(client, SESSION);
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
                closeLater(client, SESSION);
                return;
            }
        }
        Subscriber subscriber = new Subscriber(client.getSessionId().toString(), Audience.USER,
                session.organizationId(), session.userId(), new SocketEmitter(client),
                new OutboundBudget(limits.maxBacklog()), limits.maxCatchUpBuffer());
        client.set(ChatRequestHandlers.CALLER, new SdkCaller(session, subscriber, handshakes, access, messages));
        client.joinRoom(Rooms.user(session.userId()));
        client.joinRoom(Rooms.organization(session.organizationId()));
        presence.connected(session.organizationId(), session.userId(), client.getSessionId().toString());
        keyWarmer.warm(session.userId());
        String organizationId = session.organizationId();
        // Redis is asked off the event loop.
        Thread.ofVirtual().name("team-availability").start(() -> client.sendEvent(ClientEvents.EVENT_NAME,
                ClientEvents.teamAvailability(team.isOnline(organizationId))));
    }

    private void onDisconnect(SocketIOClient client) {
        client.del(SESSION);
        presence.disconnected(client.getSessionId().toString());
    }

    /** Closes the whole connection of a rejected client unless it has authenticated since. */
    public static void closeLater(SocketIOClient client, String sessionKey) {
        CompletableFuture.delayedExecutor(REJECTED_CLOSE_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (client.get(sessionKey) == null) {
                Connections.close(client);
            }
        });
    }
}
