package com.fastlightchat.edge.live;

import com.fastlightchat.edge.delivery.ClientEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * End users' presence: a user is online while at least one socket of theirs is connected to any instance. Each
 * user has a sorted set {@code <prefix>presence:<userId>} of their sockets ({@code <instance>/<socket>}) scored by
 * when that socket stops counting; every instance refreshes its own sockets at a third of {@code ttl}, so the
 * sockets of a crashed instance stop counting after {@code ttl}. The transitions (first socket in, last socket
 * out) become a {@value ClientEvents#PRESENCE} event for the organization's agents and the user's joined chats.
 */
public final class Presence implements AutoCloseable {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    /** Adds or refreshes a socket; returns how many live sockets the user had before. */
    private static final RedisScript<Long> CONNECT = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            local before = redis.call('ZCARD', KEYS[1])
            if redis.call('ZSCORE', KEYS[1], ARGV[3]) then before = before - 1 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return before""", Long.class);

    /** Removes a socket; returns how many live sockets the user has left. */
    private static final RedisScript<Long> DISCONNECT = RedisScript.of("""
            redis.call('ZREM', KEYS[1], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            return redis.call('ZCARD', KEYS[1])""", Long.class);

    private record Socket(String organizationId, String userId) {
    }

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final LiveSignals signals;
    private final LiveRooms rooms;
    private final Duration ttl;
    private final Clock clock;
    private final Function<String, Set<String>> joinedChatsOfUser;
    private final Map<String, Socket> local = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("presence").factory());

    /** @param joinedChatsOfUser the chats a user's sockets joined on this instance */
    public Presence(StringRedisTemplate redis, String keyPrefix, LiveSignals signals, LiveRooms rooms, Duration ttl,
                    Clock clock, Function<String, Set<String>> joinedChatsOfUser) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.signals = signals;
        this.rooms = rooms;
        this.ttl = ttl;
        this.clock = clock;
        this.joinedChatsOfUser = joinedChatsOfUser;
        signals.subscribe(this::onSignal);
    }

    /** A socket of the user connected to this instance. Never blocks: Redis is updated on a worker, in order. */
    public void connected(String organizationId, String userId, String socketId) {
        local.put(socketId, new Socket(organizationId, userId));
        work(() -> {
            Long before = register(userId, socketId);
            if (before != null && before == 0) {
                publish(organizationId, userId, ONLINE);
            }
        });
    }

    /** A socket disconnected from this instance. Never blocks. */
    public void disconnected(String socketId) {
        Socket socket = local.remove(socketId);
        if (socket != null) {
            work(() -> unregister(socket, socketId));
        }
    }

    private void unregister(Socket socket, String socketId) {
        try {
            Long left = redis.execute(DISCONNECT, List.of(key(socket.userId())), now(), member(socketId));
            if (left != null && left == 0) {
                publish(socket.organizationId(), socket.userId(), OFFLINE);
            }
        } catch (DataAccessException e) {
            log.debug("presence not updated: {}", e.toString());
        }
    }

    /** Keeps this instance's sockets counted; called at a third of the ttl. */
    public void heartbeat() {
        work(() -> local.forEach((socketId, socket) -> register(socket.userId(), socketId)));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private void work(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("presence not updated: shutting down");
        }
    }

    /** Whether any socket of the user is connected to any instance. */
    public boolean isOnline(String userId) {
        try {
            Long count = redis.opsForZSet().count(key(userId), clock.millis(), Double.POSITIVE_INFINITY);
            return count != null && count > 0;
        } catch (DataAccessException e) {
            return local.values().stream().anyMatch(socket -> socket.userId().equals(userId));
        }
    }

    private Long register(String userId, String socketId) {
        try {
            return redis.execute(CONNECT, List.of(key(userId)), now(),
                    Long.toString(clock.millis() + ttl.toMillis()), member(socketId), Long.toString(ttl.toMillis()));
        } catch (DataAccessException e) {
            log.debug("presence not updated: {}", e.toString());
            return null;
        }
    }

    private void publish(String organizationId, String userId, String status) {
        signals.publish(new Signal(signals.instanceId(), Signal.PRESENCE, organizationId, null, "user", userId,
                false, status, null));
    }

    private void onSignal(Signal signal) {
        if (!Signal.PRESENCE.equals(signal.kind())) {
            return;
        }
        Map<String, Object> body = ClientEvents.presence(signal.actorId(), signal.status());
        rooms.toOrganization(signal.organizationId(), body, null);
        joinedChatsOfUser.apply(signal.actorId()).forEach(chatId -> rooms.toChat(chatId, body, null));
    }

    private String now() {
        return Long.toString(clock.millis());
    }

    private String member(String socketId) {
        return signals.instanceId() + "/" + socketId;
    }

    private String key(String userId) {
        return keyPrefix + "presence:" + userId;
    }
}
