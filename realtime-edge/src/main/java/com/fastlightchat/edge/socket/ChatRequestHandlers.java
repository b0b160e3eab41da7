package com.fastlightchat.edge.socket;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.fastlightchat.edge.delivery.CatchUp;
import com.fastlightchat.edge.delivery.ChatDelivery;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.live.Typing;
import com.fastlightchat.edge.sdk.Rooms;
import com.fastlightchat.edge.unread.QuerySideUnread;
import com.fastlightchat.edge.unread.UnreadBadges;
import com.fastlightchat.edge.unread.UnreadSource;
import com.fastlightchat.edge.unread.UnreadState;
import com.fastlightchat.kernel.id.Ids;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The chat requests of both namespaces ({@code chat:join}, {@code chat:resume}, {@code chat:fetch},
 * {@code chat:leave}, {@code typing}), the same for end users and agents except for who may follow which chat
 * ({@link ChatCaller#admit}). Requests that block (access checks, catch-up reads) run on virtual threads, never on
 * the Socket.IO event loop. The protocol is documented in {@code realtime-edge/PROTOCOL.md}.
 *
 * <p>Every request spends the socket's event budget ({@link SocketRateLimit}); a refused one is acked
 * {@code rate-limited} (the first of a run also gets a {@code rate.limited} signal), and a client that keeps going
 * is disconnected. Payloads are taken as any JSON and converted here, so that a payload of the wrong shape is acked
 * {@code invalid-request} like any other bad input, never dropped without an answer.
 */
public final class ChatRequestHandlers implements AutoCloseable {

    /** Key of the {@link ChatCaller} in the client's store. */
    public static final String CALLER = "flc.caller";
    /** Most chats one {@code chat:resume} may name. */
    static final int MAX_RESUME = 100;
    /** Key of the socket's {@link SocketRateLimit} in the client's store. */
    static final String RATE_LIMIT = "flc.rate-limit";
    /** Converts payloads (parsed as plain JSON values) into request records; unknown fields are ignored. */
    private static final ObjectMapper PAYLOADS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** A request handler, given a payload of the right shape (or null when there was none). */
    private interface Handler<T> {
        void handle(SocketIOClient client, T request, AckRequest ack);
    }

    private static final Logger log = LoggerFactory.getLogger(ChatRequestHandlers.class);

    private final SocketIONamespace namespace;
    private final ChatDelivery delivery;
    private final Typing typing;
    private final ExecutorService blocking;
    private final UnreadBadges badges;
    private final SocketRateLimit.Settings limits;

    public ChatRequestHandlers(SocketIONamespace namespace, ChatDelivery delivery, Typing typing,
                               UnreadBadges badges, QuerySideUnread querySideUnread, SocketRateLimit.Settings limits) {
        this.namespace = namespace;
        this.delivery = delivery;
        this.typing = typing;
        this.badges = badges;
        this.limits = limits;
        // After the namespace's own connect listener, which authenticated the socket: its badges' credentials.
        namespace.addConnectListener(client -> {
            ChatCaller caller = client.get(CALLER);
            if (caller != null) {
                client.set(UnreadBadges.SOURCE, caller.unreadSource(querySideUnread));
            }
        });
        this.blocking = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(namespace.getName().substring(1) + "-request-", 0).factory());
        on(ChatRequests.JOIN, ChatRequests.Join.class, this::onJoin);
        on(ChatRequests.RESUME, ChatRequests.Resume.class, this::onResume);
        on(ChatRequests.FETCH, ChatRequests.Fetch.class, this::onFetch);
        on(ChatRequests.LEAVE, ChatRequests.Leave.class, this::onLeave);
        on(ChatRequests.TYPING, ChatRequests.Typing.class, this::onTyping);
        namespace.addDisconnectListener(this::onDisconnect);
    }

    /** Registers a request: budget first, then the payload's shape, then the handler. */
    private <T> void on(String event, Class<T> type, Handler<T> handler) {
        namespace.addEventListener(event, Object.class, (client, payload, ack) -> {
            if (!withinBudget(client, ack)) {
                return;
            }
            T request;
            try {
                request = payload == null ? null : PAYLOADS.convertValue(payload, type);
            } catch (IllegalArgumentException e) {
                ack.sendAckData(failure("invalid-request"));
                return;
            }
            handler.handle(client, request, ack);
        });
    }

    private boolean withinBudget(SocketIOClient client, AckRequest ack) {
        SocketRateLimit budget = client.get(RATE_LIMIT);
        if (budget == null) {
            budget = new SocketRateLimit(limits, System.nanoTime());
            client.set(RATE_LIMIT, budget);
        }
        SocketRateLimit.Verdict verdict = budget.take(System.nanoTime());
        if (verdict == SocketRateLimit.Verdict.ALLOWED) {
            return true;
        }
        long retryAfterMs = budget.retryAfterMillis();
        ack.sendAckData(Map.of("ok", false, "error", "rate-limited", "retryAfterMs", retryAfterMs));
        if (verdict == SocketRateLimit.Verdict.REFUSED_FIRST) {
            client.sendEvent(ClientEvents.EVENT_NAME, ClientEvents.rateLimited(retryAfterMs));
        } else if (verdict == SocketRateLimit.Verdict.ABUSE) {
            log.info("disconnecting socket {} that kept sending events over its limit", client.getSessionId());
            Connections.close(client);
        }
        return false;
    }

    private void onJoin(SocketIOClient client, ChatRequests.Join request, AckRequest ack) {
        ChatCaller caller = client.get(CALLER);
        if (caller == null) {
            ack.sendAckData(failure("unauthenticated"));
            return;
        }
        if (request == null || !validChat(request.chatId()) || negative(request.lastSequence())) {
            ack.sendAckData(failure("invalid-request"));
            return;
        }
        offload(ack, caller, () -> join(client, caller, request, ack::sendAckData));
    }

    private void onResume(SocketIOClient client, ChatRequests.Resume request, AckRequest ack) {
        ChatCaller caller = client.get(CALLER);
        if (caller == null) {
            ack.sendAckData(failure("unauthenticated"));
            return;
        }
        if (request == null || request.chats() == null || request.chats().size() > MAX_RESUME) {
            ack.sendAckData(failure("invalid-request"));
            return;
        }
        offload(ack, caller, () -> {
            List<Map<String, Object>> chats = new ArrayList<>();
            for (ChatRequests.Join chat : request.chats()) {
                if (chat == null || !validChat(chat.chatId()) || negative(chat.lastSequence())) {
                    chats.add(failure("invalid-request"));
                } else {
                    join(client, caller, chat, chats::add);
                }
            }
            ack.sendAckData(Map.of("ok", true, "chats", chats));
        });
    }

    /** Admits, follows and resumes one chat; {@code answer} gets the join's ack body. Blocks. */
    private void join(SocketIOClient client, ChatCaller caller, ChatRequests.Join request,
                      Consumer<Map<String, Object>> answer) {
        String chatId = request.chatId();
        ChatCaller.Admission admission = caller.admit(chatId);
        if (admission != ChatCaller.Admission.ALLOWED) {
            Map<String, Object> failure = new LinkedHashMap<>(failure(admission.error()));
            failure.put("chatId", chatId);
            answer.accept(failure);
            return;
        }
        client.joinRoom(Rooms.chat(chatId));
        long lastSequence = request.lastSequence() == null ? 0 : request.lastSequence();
        UnreadSource source = client.get(UnreadBadges.SOURCE);
        Optional<UnreadState> unread = badges.forJoin(chatId, caller.reader(),
                source == null ? UnreadSource.NONE : source);
        delivery.resume(caller.subscriber(), chatId, lastSequence, caller.fallback(), summary -> {
            Map<String, Object> body = new LinkedHashMap<>(summary);
            unread.ifPresent(state -> body.put("unread", Map.of("count", state.unread().count(),
                    "asOf", state.sequence())));
            answer.accept(body);
        });
        if (namespace.getClient(client.getSessionId()) == null) {
            client.leaveRoom(Rooms.chat(chatId)); // disconnected while we were at it
            delivery.subscriptions().remove(caller.subscriber());
        }
    }

    private void onFetch(SocketIOClient client, ChatRequests.Fetch request, AckRequest ack) {
        ChatCaller caller = client.get(CALLER);
        if (caller == null) {
            ack.sendAckData(failure("unauthenticated"));
            return;
        }
        if (request == null || !validChat(request.chatId()) || request.after() == null || request.after() < 0
                || (request.until() != null && request.until() < request.after())) {
            ack.sendAckData(failure("invalid-request"));
            return;
        }
        if (!caller.subscriber().chats().contains(request.chatId())) {
            ack.sendAckData(failure("not-found"));
            return;
        }
        if (request.until() == null) {
            offload(ack, () -> delivery.resume(caller.subscriber(), request.chatId(), request.after(),
                    caller.fallback(), ack::sendAckData));
            return;
        }
        offload(ack, () -> {
            CatchUp.Result range = delivery.range(request.chatId(), request.after(), request.until(),
                    caller.subscriber().audience(), caller.fallback());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("chatId", request.chatId());
            body.put("events", range.events());
            body.put("complete", range.complete());
            ack.sendAckData(body);
        });
    }

    private void onLeave(SocketIOClient client, ChatRequests.Leave request, AckRequest ack) {
        ChatCaller caller = client.get(CALLER);
        if (caller != null && request != null && validChat(request.chatId())) {
            client.leaveRoom(Rooms.chat(request.chatId()));
            delivery.subscriptions().leaveChat(request.chatId(), caller.subscriber());
        }
        ack.sendAckData(Map.of("ok", true));
    }

    private void onTyping(SocketIOClient client, ChatRequests.Typing request, AckRequest ack) {
        ChatCaller caller = client.get(CALLER);
        if (caller == null || request == null || !validChat(request.chatId()) || request.typing() == null
                || !caller.subscriber().chats().contains(request.chatId())) {
            ack.sendAckData(failure(caller == null ? "unauthenticated" : "invalid-request"));
            return;
        }
        typing.typed(caller.subscriber().organizationId(), request.chatId(), caller.actor(), request.typing(),
                client.getSessionId().toString());
        ack.sendAckData(Map.of("ok", true));
    }

    private void onDisconnect(SocketIOClient client) {
        ChatCaller caller = client.get(CALLER);
        if (caller != null) {
            delivery.subscriptions().remove(caller.subscriber());
        }
    }

    private void offload(AckRequest ack, Runnable work) {
        try {
            blocking.execute(work);
        } catch (RejectedExecutionException e) {
            ack.sendAckData(failure("unavailable"));
        }
    }

    /** A join or resume: the socket follows chats automatically (agents) only once it is answered. */
    private void offload(AckRequest ack, ChatCaller caller, Runnable work) {
        caller.subscriber().requestStarted();
        try {
            blocking.execute(() -> {
                try {
                    work.run();
                } finally {
                    caller.subscriber().requestFinished();
                }
            });
        } catch (RejectedExecutionException e) {
            caller.subscriber().requestFinished();
            ack.sendAckData(failure("unavailable"));
        }
    }

    private static boolean validChat(String chatId) {
        return chatId != null && Ids.FORMAT.matcher(chatId).matches();
    }

    private static boolean negative(Long sequence) {
        return sequence != null && sequence < 0;
    }

    static Map<String, Object> failure(String error) {
        return Map.of("ok", false, "error", error);
    }

    @Override
    public void close() {
        blocking.shutdownNow();
    }
}
