package com.fastlightchat.edge.agent;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.fastlightchat.edge.delivery.CatchUp;
import com.fastlightchat.edge.delivery.ChatDelivery;
import com.fastlightchat.edge.delivery.ClientEvents.Audience;
import com.fastlightchat.edge.delivery.OutboundBudget;
import com.fastlightchat.edge.delivery.Subscriber;
import com.fastlightchat.edge.sdk.Rooms;
import com.fastlightchat.edge.sdk.SdkNamespace;
import com.fastlightchat.edge.socket.ChatCaller;
import com.fastlightchat.edge.unread.QuerySideUnread;
import com.fastlightchat.edge.unread.UnreadSource;
import com.fastlightchat.edge.socket.ChatRequestHandlers;
import com.fastlightchat.edge.socket.SocketEmitter;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The {@code /agent} namespace, where the dashboard connects with {@code auth: {token}}, an agent access token.
 * An accepted socket joins {@code org:<organizationId>} and receives every event of every chat of its
 * organization, internal notes included, with their {@code visibility}. It may {@code chat:join} (resume) only
 * chats of its own organization; any other chat is {@code not-found}. What the recent-events window cannot answer
 * is reported as {@code complete: false}: the dashboard reads it from the query side.
 */
public final class AgentNamespace {

    public static final String NAME = "/agent";
    public static final String TOKEN = "token";
    /** Key of the verified claims in the client's store. */
    static final String SESSION = "flc.agent.session";

    private static final Logger log = LoggerFactory.getLogger(AgentNamespace.class);

    /** A connected agent's socket. */
    private record AgentCaller(String token, TokenClaims claims, Subscriber subscriber, AccessTokens tokens,
                               ChatDelivery delivery) implements ChatCaller {

        @Override
        public Actor actor() {
            return Actor.agent(claims.subject());
        }

        @Override
        public Admission admit(String chatId) {
            try {
                tokens.verify(token, TokenClaims.Kind.AGENT);
            } catch (InvalidTokenException e) {
                return Admission.UNAUTHENTICATED;
            }
            return delivery.organizationOf(chatId).filter(claims.organizationId()::equals).isPresent()
                    ? Admission.ALLOWED : Admission.NOT_FOUND;
        }

        @Override
        public CatchUp.Fallback fallback() {
            return CatchUp.Fallback.NONE;
        }

        @Override
        public UnreadSource unreadSource(QuerySideUnread querySide) {
            return querySide.forAgent(token);
        }
    }

    private final SocketIONamespace namespace;
    private final AccessTokens tokens;
    private final ChatDelivery delivery;
    private final SdkNamespace.Limits limits;

    public AgentNamespace(SocketIOServer server, AccessTokens tokens, ChatDelivery delivery,
                          SdkNamespace.Limits limits) {
        this.tokens = tokens;
        this.delivery = delivery;
        this.limits = limits;
        this.namespace = server.addNamespace(NAME);
        namespace.addAuthTokenListener(this::onAuthPayload);
        namespace.addConnectListener(this::onConnect);
    }

    public SocketIONamespace namespace() {
        return namespace;
    }

    private AuthTokenResult onAuthPayload(Object authPayload, SocketIOClient client) {
        String token = authPayload instanceof Map<?, ?> auth && auth.get(TOKEN) instanceof String value ? value : null;
        try {
            TokenClaims claims = tokens.verify(token, TokenClaims.Kind.AGENT);
            if (!Ids.FORMAT.matcher(claims.subject()).matches()
                    || !Ids.FORMAT.matcher(claims.organizationId()).matches()) {
                throw new InvalidTokenException("token is malformed");
            }
            client.set(SESSION, new Credentials(token, claims));
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (InvalidTokenException e) {
            log.debug("rejected /agent connection {}: {}", client.getSessionId(), e.getMessage());
            SdkNamespace.closeLater(client, SESSION);
            return new AuthTokenResult(false, Map.of("message", e.getMessage()));
        }
    }

    private record Credentials(String token, TokenClaims claims) {
    }

    /** Agents must authenticate with the {@code auth} payload; a socket that connected without it is closed. */
    private void onConnect(SocketIOClient client) {
        Credentials credentials = client.get(SESSION);
        if (credentials == null) {
            client.disconnect();
            return;
        }
        TokenClaims claims = credentials.claims();
        Subscriber subscriber = new Subscriber(client.getSessionId().toString(), Audience.AGENT,
                claims.organizationId(), null, new SocketEmitter(client), new OutboundBudget(limits.maxBacklog()),
                limits.maxCatchUpBuffer());
        client.set(ChatRequestHandlers.CALLER,
                new AgentCaller(credentials.token(), claims, subscriber, tokens, delivery));
        client.joinRoom(Rooms.organization(claims.organizationId()));
        delivery.subscriptions().joinOrganization(subscriber);
    }
}
