package com.fastlightchat.edge.unread;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.sdk.Rooms;
import com.fastlightchat.edge.stream.ChatEventHandler;
import com.fastlightchat.edge.stream.StreamedEvent;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Keeps every chat's unread badges — the end user's and the agents' — and pushes them as {@code unread} signals:
 * the user's to every socket of the chat's user on {@code /sdk} (room {@code user:<id>}, so a closed messenger can
 * still show its badge), the agents' to the organization's inbox on {@code /agent}.
 *
 * <p>Each event that can change a badge ({@link UnreadMessages#concerns}) is folded into the state held in Redis
 * when that state is exactly one event behind; other events only move the state's sequence on. When the state is
 * missing or behind by more (Redis flushed or down, an instance down while events flowed, expired), it is read
 * again from the query side with the credentials of a socket that needs the badge — one read at a time per chat
 * and reader, off the stream thread — and nothing is pushed from a state that is not known to be complete. So a
 * pushed badge is always the inbox's number as of the {@code asOf} sequence it carries.
 */
public final class UnreadBadges implements ChatEventHandler, AutoCloseable {

    /** The signal's type. */
    public static final String UNREAD = "unread";
    /** Key of a socket's {@link UnreadSource} in its client store. */
    public static final String SOURCE = "flc.unread.source";

    /** Lanes by default. */
    static final int LANES = 4;
    /** Events a lane may hold before the stream waits for it (backpressure rather than unbounded memory). */
    static final int LANE_CAPACITY = 20_000;

    private static final Logger log = LoggerFactory.getLogger(UnreadBadges.class);

    private final UnreadStore store;
    private final SocketIONamespace users;
    private final SocketIONamespace agents;
    /** Per chat and reader with a read from the query side under way: the newest sequence it must reach. */
    private final Map<String, Long> refreshing = new ConcurrentHashMap<>();
    private final ExecutorService blocking = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("unread-refresh-", 0).factory());
    /** Per lane, the events waiting to be folded; a chat always goes to the same lane, so its order holds. */
    private final List<BlockingQueue<StreamedEvent>> lanes = new ArrayList<>();
    private final List<Thread> laneThreads = new ArrayList<>();

    public UnreadBadges(UnreadStore store, SocketIONamespace users, SocketIONamespace agents) {
        this(store, users, agents, LANES);
    }

    /**
     * @param lanes how many threads fold the stream's events (each a few Redis round trips), chats spread over them
     *              by id; the stream only queues, so message delivery never waits for a badge
     */
    public UnreadBadges(UnreadStore store, SocketIONamespace users, SocketIONamespace agents, int lanes) {
        this.store = store;
        this.users = users;
        this.agents = agents;
        for (int i = 0; i < lanes; i++) {
            BlockingQueue<StreamedEvent> queue = new LinkedBlockingQueue<>(LANE_CAPACITY);
            this.lanes.add(queue);
            laneThreads.add(Thread.ofPlatform().name("unread-lane-" + i).daemon(true).start(() -> fold(queue)));
        }
    }

    /**
     * Queues the batch's events on their chats' lanes and returns; the stream blocks only when a lane is full. A
     * badge is pushed a moment after the message it counts, never before.
     */
    @Override
    public void onBatch(List<StreamedEvent> events) {
        try {
            for (StreamedEvent event : events) {
                lanes.get(Math.floorMod(event.chatId().hashCode(), lanes.size())).put(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fold(BlockingQueue<StreamedEvent> queue) {
        while (!Thread.currentThread().isInterrupted()) {
            StreamedEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                on(event);
            } catch (RuntimeException e) {
                log.error("unread badges not updated for chat {} sequence {}", event.chatId(), event.sequence(), e);
            }
        }
    }

    /** The {@code unread} signal: {@code {v, type, chatId, reader, count, asOf}}. */
    public static Map<String, Object> signal(String chatId, Reader reader, UnreadState state) {
        return ClientEvents.signal(UNREAD, "chatId", chatId, "reader", reader.name().toLowerCase(Locale.ROOT),
                "count", state.unread().count(), "asOf", state.sequence());
    }

    @Override
    public void on(StreamedEvent event) {
        if (!event.known() || !(event.envelope().payload() instanceof ChatEvent chatEvent)) {
            store.advance(event.chatId(), event.sequence(), Reader.values());
            return;
        }
        if (event.sequence() == 1) {
            start(event, chatEvent);
            return;
        }
        List<Reader> unchanged = new ArrayList<>(2);
        for (Reader reader : Reader.values()) {
            if (UnreadMessages.concerns(reader, chatEvent)) {
                fold(event, chatEvent, reader);
            } else {
                unchanged.add(reader);
            }
        }
        if (!unchanged.isEmpty()) {
            store.advance(event.chatId(), event.sequence(), unchanged.toArray(Reader[]::new));
        }
    }

    /**
     * A chat's first event: nothing came before it, so every reader's state is this event folded into nothing, known
     * without asking anyone. From here on each event is exactly one ahead of the held state, so badges of chats
     * opened while an edge runs never need the query side.
     */
    private void start(StreamedEvent event, ChatEvent chatEvent) {
        for (Reader reader : Reader.values()) {
            UnreadState first = new UnreadState(1, UnreadMessages.NONE.apply(reader, 1, chatEvent));
            store.offer(event.chatId(), reader, first);
            if (UnreadMessages.concerns(reader, chatEvent)) {
                store.read(event.chatId(), reader).ifPresent(held -> push(chatEvent, reader, held));
            }
        }
    }

    private void fold(StreamedEvent event, ChatEvent chatEvent, Reader reader) {
        String chatId = event.chatId();
        Optional<UnreadState> held = store.read(chatId, reader);
        if (held.isPresent() && held.get().sequence() >= event.sequence()) {
            push(chatEvent, reader, held.get()); // another instance folded it first
            return;
        }
        if (held.isPresent() && held.get().sequence() == event.sequence() - 1) {
            UnreadState next = new UnreadState(event.sequence(),
                    held.get().unread().apply(reader, event.sequence(), chatEvent));
            if (store.replace(chatId, reader, held.get().sequence(), next)) {
                push(chatEvent, reader, next);
                return;
            }
            Optional<UnreadState> now = store.read(chatId, reader);
            if (now.isPresent() && now.get().sequence() >= event.sequence()) {
                push(chatEvent, reader, now.get());
                return;
            }
        }
        refresh(chatEvent, reader, event.sequence());
    }

    /** Reads the state again from the query side, off the stream thread, if a socket here needs the badge. */
    private void refresh(ChatEvent event, Reader reader, long sequence) {
        String key = event.chatId().value() + ":" + reader;
        boolean[] start = {false};
        refreshing.compute(key, (k, wanted) -> {
            start[0] = wanted == null;
            return wanted == null ? sequence : Math.max(wanted, sequence);
        });
        if (!start[0]) {
            return;
        }
        try {
            blocking.execute(() -> {
                long wanted = refreshing.get(key);
                while (true) {
                    Optional<UnreadState> state = sourceFor(event, reader)
                            .flatMap(source -> source.read(event.chatId().value(), reader, refreshing.get(key)));
                    state.ifPresent(s -> {
                        store.offer(event.chatId().value(), reader, s);
                        push(event, reader, s);
                    });
                    if (refreshing.remove(key, wanted)) {
                        return;
                    }
                    wanted = refreshing.get(key);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(key);
        }
    }

    /**
     * The badge of a chat a socket joins, for its {@code chat:join} acknowledgement: the state held, or read from
     * the query side with the socket's own credentials. Blocks; empty when neither answers.
     */
    public Optional<UnreadState> forJoin(String chatId, Reader reader, UnreadSource source) {
        return store.read(chatId, reader).or(() -> source.read(chatId, reader, 0).map(state -> {
            store.offer(chatId, reader, state);
            return state;
        }));
    }

    private void push(ChatEvent event, Reader reader, UnreadState state) {
        Map<String, Object> body = signal(event.chatId().value(), reader, state);
        room(event, reader).sendEvent(ClientEvents.EVENT_NAME, body);
    }

    private com.corundumstudio.socketio.BroadcastOperations room(ChatEvent event, Reader reader) {
        return reader == Reader.USER ? users.getRoomOperations(Rooms.user(event.userId().value()))
                : agents.getRoomOperations(Rooms.organization(event.organizationId().value()));
    }

    /** The credentials of a connected socket that sees this badge, if any is on this instance. */
    private Optional<UnreadSource> sourceFor(ChatEvent event, Reader reader) {
        Function<SocketIOClient, UnreadSource> source = client -> client.get(SOURCE);
        return room(event, reader).getClients().stream().map(source).filter(s -> s != null).findFirst();
    }

    @Override
    public void close() {
        laneThreads.forEach(Thread::interrupt);
        blocking.shutdownNow();
    }
}
