package com.fastlightchat.edge.unread;

import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.core.JacksonException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hot copy of each chat's unread state per reader: a Redis hash {@code <prefix>unread:<chatId>:<reader>} with
 * {@code seq} (the last chat sequence folded in) and {@code state} (the {@link UnreadMessages} as JSON), expiring
 * {@code ttl} after the chat's last event. Every edge instance sees every event; writes are compare-and-set on
 * {@code seq}, so instances folding the same event write the same state once, and a state only ever moves forwards.
 * Redis failures are logged and reported as "unknown" / "not written": the caller falls back to the query side.
 */
public final class UnreadStore {

    private static final Logger log = LoggerFactory.getLogger(UnreadStore.class);

    /** Moves {@code seq} of every key from ARGV[1] - 1 to ARGV[1] (an event that changes no badge). */
    private static final RedisScript<Long> ADVANCE = RedisScript.of("""
            for _, key in ipairs(KEYS) do
              local seq = redis.call('HGET', key, 'seq')
              if seq and tonumber(seq) == tonumber(ARGV[1]) - 1 then
                redis.call('HSET', key, 'seq', ARGV[1])
                redis.call('PEXPIRE', key, ARGV[2])
              end
            end
            return 1""", Long.class);

    /** Writes ARGV[2..3] when {@code seq} is ARGV[1] (-1: when the key does not exist or is older than ARGV[2]). */
    private static final RedisScript<Long> WRITE = RedisScript.of("""
            local seq = redis.call('HGET', KEYS[1], 'seq')
            local expected = tonumber(ARGV[1])
            if expected >= 0 and (not seq or tonumber(seq) ~= expected) then return 0 end
            if expected < 0 and seq and tonumber(seq) >= tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], 'seq', ARGV[2], 'state', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration ttl;

    public UnreadStore(StringRedisTemplate redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
    }

    /** The state held for a chat's reader; empty when none is held or Redis does not answer. */
    public Optional<UnreadState> read(String chatId, Reader reader) {
        try {
            List<Object> fields = redis.opsForHash().multiGet(key(chatId, reader), List.of("seq", "state"));
            if (fields == null || fields.get(0) == null || fields.get(1) == null) {
                return Optional.empty();
            }
            return Optional.of(new UnreadState(Long.parseLong((String) fields.get(0)),
                    KernelJson.mapper().readValue((String) fields.get(1), UnreadMessages.class)));
        } catch (DataAccessException | JacksonException | NumberFormatException e) {
            log.debug("unread state of chat {} unavailable: {}", chatId, e.toString());
            return Optional.empty();
        }
    }

    /** Records that the chat's event {@code sequence} changed none of these readers' badges. */
    public void advance(String chatId, long sequence, Reader... readers) {
        try {
            redis.execute(ADVANCE, Arrays.stream(readers).map(reader -> key(chatId, reader)).toList(),
                    Long.toString(sequence), Long.toString(ttl.toMillis()));
        } catch (DataAccessException e) {
            log.debug("unread state of chat {} not advanced: {}", chatId, e.toString());
        }
    }

    /** Writes {@code next} if the held state is still the one at {@code expectedSequence}; false otherwise. */
    public boolean replace(String chatId, Reader reader, long expectedSequence, UnreadState next) {
        return write(chatId, reader, expectedSequence, next);
    }

    /** Writes {@code state} (read from the query side) unless a state at least as new is held. */
    public boolean offer(String chatId, Reader reader, UnreadState state) {
        return write(chatId, reader, -1, state);
    }

    private boolean write(String chatId, Reader reader, long expected, UnreadState state) {
        try {
            Long written = redis.execute(WRITE, List.of(key(chatId, reader)), Long.toString(expected),
                    Long.toString(state.sequence()), KernelJson.mapper().writeValueAsString(state.unread()),
                    Long.toString(ttl.toMillis()));
            return written != null && written == 1L;
        } catch (DataAccessException e) {
            log.debug("unread state of chat {} not written: {}", chatId, e.toString());
            return false;
        }
    }

    private String key(String chatId, Reader reader) {
        return keyPrefix + "unread:" + chatId + ":" + reader.name().toLowerCase(Locale.ROOT);
    }
}
