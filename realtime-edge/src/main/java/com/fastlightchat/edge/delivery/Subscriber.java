package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.delivery.ClientEvents.Audience;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One connected socket and, per chat, how far it has been sent. The stream thread offers live events; a resume
 * first switches the chat to catching up (live events are buffered), then sends what was missed followed by the
 * buffered events above it, and switches back to live, all under this socket's lock, so nothing is lost between
 * catch-up and live and nothing is sent twice.
 *
 * <p>Per chat the state is one of: <em>live</em> (send events above the last one sent), <em>catching up</em>
 * (buffer, at most {@code maxBuffered}), <em>stale</em> (the client fell behind and was told
 * {@value ClientEvents#RESYNC_REQUIRED}; nothing is sent until it resumes the chat again).
 *
 * <p>A socket that follows chats by itself when their events arrive (an agent's) can {@linkplain #holdAutoFollow
 * hold that back} until its first resume has been answered: a reconnecting dashboard resumes its chats from where
 * it was, and an event that arrived just before its resume must not be sent ahead of the events it missed.
 */
public final class Subscriber {

    private enum State { LIVE, CATCHING_UP, STALE }

    private static final class Cursor {
        State state = State.LIVE;
        long lastSent;
        final TreeMap<Long, Map<String, Object>> buffer = new TreeMap<>();
    }

    private final String id;
    private final Audience audience;
    private final String organizationId;
    private final String userId;
    private final Emitter emitter;
    private final OutboundBudget budget;
    private final int maxBuffered;
    private final Map<String, Cursor> cursors = new HashMap<>();
    /** While held, chats are not followed automatically: until a resume was answered, or {@link System#nanoTime()}
     *  reaches {@code autoFollowFrom} with no resume in progress. */
    private boolean autoFollowHeld;
    private long autoFollowFrom;
    private int requestsInProgress;

    /**
     * @param id             the socket's session id
     * @param audience       what the socket may see
     * @param organizationId the tenant of the socket's caller
     * @param userId         the end user, for {@link Audience#USER}; null for agents
     * @param emitter        the socket
     * @param budget         its outbound buffer policy
     * @param maxBuffered    live events kept per chat while it catches up
     */
    public Subscriber(String id, Audience audience, String organizationId, String userId, Emitter emitter,
                      OutboundBudget budget, int maxBuffered) {
        this.id = id;
        this.audience = audience;
        this.organizationId = organizationId;
        this.userId = userId;
        this.emitter = emitter;
        this.budget = budget;
        this.maxBuffered = maxBuffered;
    }

    public String id() {
        return id;
    }

    public Audience audience() {
        return audience;
    }

    public String organizationId() {
        return organizationId;
    }

    public String userId() {
        return userId;
    }

    Emitter emitter() {
        return emitter;
    }

    /** The chats this socket follows. */
    public synchronized Set<String> chats() {
        return Set.copyOf(cursors.keySet());
    }

    /**
     * A live event of a chat. For a chat this socket does not follow yet, {@code follow} decides: agents follow
     * every chat of their organization from the first event they see; end users only chats they joined.
     */
    public synchronized void offer(String chatId, Map<String, Object> body, boolean follow) {
        Cursor cursor = cursors.get(chatId);
        if (cursor == null) {
            if (!follow || autoFollowHeld()) {
                return;
            }
            cursor = new Cursor();
            cursors.put(chatId, cursor);
        }
        long sequence = ClientEvents.sequenceOf(body);
        switch (cursor.state) {
            case CATCHING_UP -> {
                cursor.buffer.put(sequence, body);
                if (cursor.buffer.size() > maxBuffered) {
                    cursor.buffer.clear();
                    cursor.state = State.STALE;
                }
            }
            case LIVE -> send(chatId, cursor, body);
            case STALE -> {
                // the client was told to resynchronize; it resumes from what it has
            }
        }
    }

    /**
     * Follows no chat automatically (see {@link #offer}) until a resume or join of this socket has been answered,
     * or, if none starts, until {@code grace} has passed.
     */
    public synchronized void holdAutoFollow(Duration grace) {
        autoFollowHeld = true;
        autoFollowFrom = System.nanoTime() + grace.toNanos();
    }

    /** A resume or join of this socket started: chats are not followed automatically meanwhile. */
    public synchronized void requestStarted() {
        requestsInProgress++;
    }

    /** A resume or join of this socket was answered: from now on its chats are followed automatically again. */
    public synchronized void requestFinished() {
        requestsInProgress = Math.max(0, requestsInProgress - 1);
        autoFollowHeld = false;
    }

    private boolean autoFollowHeld() {
        if (autoFollowHeld && requestsInProgress == 0 && System.nanoTime() - autoFollowFrom >= 0) {
            autoFollowHeld = false;
        }
        return autoFollowHeld;
    }

    /** Starts a resume of {@code chatId}: from now on its live events are buffered. */
    public synchronized void beginCatchUp(String chatId) {
        Cursor cursor = cursors.computeIfAbsent(chatId, id -> new Cursor());
        cursor.state = State.CATCHING_UP;
        cursor.buffer.clear();
    }

    /**
     * Ends a resume: hands {@code respond} the events after {@code lastSequence} (the caught-up ones merged with
     * those buffered meanwhile), then continues live after the last of them. {@code respond} runs under this
     * socket's lock, so whatever it emits goes out before any later live event. A chat that overflowed its buffer
     * meanwhile ends stale, and the client is told to resynchronize right after the response.
     *
     * @return the events handed to {@code respond}
     */
    public synchronized List<Map<String, Object>> finishCatchUp(String chatId, long lastSequence,
                                                                List<Map<String, Object>> caughtUp,
                                                                Consumer<List<Map<String, Object>>> respond) {
        Cursor cursor = cursors.computeIfAbsent(chatId, id -> new Cursor());
        boolean overflowed = cursor.state == State.STALE;
        List<Map<String, Object>> events = Resume.merge(lastSequence, caughtUp,
                overflowed ? List.of() : cursor.buffer.values());
        cursor.buffer.clear();
        respond.accept(events);
        cursor.lastSent = Resume.last(events, lastSequence);
        if (overflowed) {
            emitter.emit(ClientEvents.resyncRequired(chatId));
        } else {
            cursor.state = State.LIVE;
        }
        return events;
    }

    /** Stops following a chat. */
    public synchronized void leave(String chatId) {
        cursors.remove(chatId);
    }

    private void send(String chatId, Cursor cursor, Map<String, Object> body) {
        long sequence = ClientEvents.sequenceOf(body);
        if (sequence <= cursor.lastSent) {
            return;
        }
        if (!budget.admit(emitter.backlogged())) {
            cursor.state = State.STALE;
            emitter.emit(ClientEvents.resyncRequired(chatId));
            return;
        }
        emitter.emit(body);
        cursor.lastSent = sequence;
    }

    @Override
    public String toString() {
        return "Subscriber[" + audience + " " + id + "]";
    }
}
