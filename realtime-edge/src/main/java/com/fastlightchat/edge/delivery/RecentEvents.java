package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.stream.EventRecords;
import com.fastlightchat.edge.stream.StreamedEvent;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent-events window of each chat in Redis, which makes a resume one Redis round trip: a sorted set
 * {@code <prefix>recent:<chatId>} of the last {@code size} published envelopes scored by sequence, expiring
 * {@code ttl} after the chat's last event, and {@code <prefix>chat-org:<chatId>} naming the chat's organization.
 * Every instance writes every event; the same record twice is the same member, so the writes are idempotent.
 * Redis being down loses nothing but the window: readers fall back to the query side. The window keeps envelopes
 * as published, personal data sealed; it is opened when read, so an erased user's data reads {@code [erased]}, and
 * the windows of an erased user's chats are dropped ({@link #forget}).
 */
public final class RecentEvents {

    /** The earliest sequence the window holds, and its events after the asked sequence, ascending. */
    public record Window(long first, List<StreamedEvent> events) {
    }

    private static final Logger log = LoggerFactory.getLogger(RecentEvents.class);

    /**
     * Appends several events: {@code KEYS} are each event's window and organization keys in turn, {@code ARGV} the
     * window size, its time to live, the organization entry's time to live, then each event's sequence, envelope and
     * organization.
     */
    private static final RedisScript<Long> APPEND = RedisScript.of("""
            local size, ttl, orgTtl = tonumber(ARGV[1]), ARGV[2], ARGV[3]
            for i = 1, #KEYS / 2 do
              local window, org, a = KEYS[2 * i - 1], KEYS[2 * i], 3 * i + 1
              redis.call('ZADD', window, ARGV[a], ARGV[a + 1])
              redis.call('ZREMRANGEBYRANK', window, 0, -(size + 1))
              redis.call('PEXPIRE', window, ttl)
              redis.call('SET', org, ARGV[a + 2], 'PX', orgTtl)
            end
            return #KEYS / 2""", Long.class);
    /** Most events one append script carries. */
    static final int APPEND_BATCH = 200;

    /** {@code [first score, member…]}, or an empty list when the chat has no window. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = RedisScript.of("""
            local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if #first == 0 then return {} end
            local items = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], ARGV[2], 'LIMIT', 0, ARGV[3])
            table.insert(items, 1, first[2])
            return items""", List.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final int size;
    private final Duration ttl;
    private final Duration organizationTtl;
    private final EnvelopeCodec codec;

    /**
     * @param size            events kept per chat
     * @param ttl             how long a chat's window outlives its last event
     * @param organizationTtl how long the chat → organization entry outlives the chat's last event
     * @param codec           opens the personal data of the events read back
     */
    public RecentEvents(StringRedisTemplate redis, String keyPrefix, int size, Duration ttl,
                        Duration organizationTtl, EnvelopeCodec codec) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.size = size;
        this.ttl = ttl;
        this.organizationTtl = organizationTtl;
        this.codec = codec;
    }

    /** Adds an event to its chat's window; false (logged) when Redis did not take it. */
    public boolean append(StreamedEvent event) {
        return appendAll(List.of(event));
    }

    /**
     * Adds events to their chats' windows, up to {@value #APPEND_BATCH} per Redis round trip (a polled batch costs
     * one or a few round trips, not one per event); false (logged) when Redis did not take them all.
     */
    public boolean appendAll(List<StreamedEvent> events) {
        boolean all = true;
        for (int from = 0; from < events.size(); from += APPEND_BATCH) {
            List<StreamedEvent> chunk = events.subList(from, Math.min(events.size(), from + APPEND_BATCH));
            List<String> keys = new ArrayList<>(2 * chunk.size());
            List<String> args = new ArrayList<>(3 + 3 * chunk.size());
            args.add(Integer.toString(size));
            args.add(Long.toString(ttl.toMillis()));
            args.add(Long.toString(organizationTtl.toMillis()));
            for (StreamedEvent event : chunk) {
                keys.add(windowKey(event.chatId()));
                keys.add(organizationKey(event.chatId()));
                args.add(Long.toString(event.sequence()));
                args.add(new String(event.raw(), StandardCharsets.UTF_8));
                args.add(event.organizationId());
            }
            try {
                redis.execute(APPEND, keys, args.toArray());
            } catch (DataAccessException e) {
                log.debug("recent-events windows not updated for {} events: {}", chunk.size(), e.toString());
                all = false;
            }
        }
        return all;
    }

    /**
     * The window's events with a sequence in {@code (after, until]}, at most {@code limit}, each sequence once.
     * Empty when the chat has no window (expired, never seen, Redis restarted) or Redis does not answer.
     */
    public Optional<Window> read(String chatId, long after, long until, int limit) {
        List<?> reply;
        try {
            reply = redis.execute(READ, List.of(windowKey(chatId)), Long.toString(after),
                    until == Long.MAX_VALUE ? "+inf" : Long.toString(until), Integer.toString(limit));
        } catch (DataAccessException e) {
            log.debug("recent-events window unavailable for chat {}: {}", chatId, e.toString());
            return Optional.empty();
        }
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        long first = (long) Double.parseDouble(String.valueOf(reply.getFirst()));
        TreeMap<Long, StreamedEvent> events = new TreeMap<>();
        for (Object member : reply.subList(1, reply.size())) {
            EventRecords.read(String.valueOf(member).getBytes(StandardCharsets.UTF_8), codec)
                    .filter(event -> event.chatId().equals(chatId))
                    .ifPresent(event -> events.putIfAbsent(event.sequence(), event));
        }
        return Optional.of(new Window(first, new ArrayList<>(events.values())));
    }

    /** Drops the windows of these chats (their user was erased); false (logged) when Redis did not answer. */
    public boolean forget(List<String> chatIds) {
        if (chatIds.isEmpty()) {
            return true;
        }
        try {
            redis.delete(chatIds.stream().map(this::windowKey).toList());
            return true;
        } catch (DataAccessException e) {
            log.warn("recent-events windows of erased chats {} not dropped: {}", chatIds, e.toString());
            return false;
        }
    }

    /** The organization of a chat seen within {@code organizationTtl}; empty if unknown or Redis is down. */
    public Optional<String> organizationOf(String chatId) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(organizationKey(chatId)));
        } catch (DataAccessException e) {
            return Optional.empty();
        }
    }

    private String windowKey(String chatId) {
        return keyPrefix + "recent:" + chatId;
    }

    private String organizationKey(String chatId) {
        return keyPrefix + "chat-org:" + chatId;
    }
}
