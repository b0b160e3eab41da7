package com.fastlightchat.web;

import com.fastlightchat.web.WebProperties.Limit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, shared by every instance of a service: one hash per bucket ({@code tokens}, {@code at}),
 * refilled and spent by one Lua script, atomically, with Redis's own clock (so instances' clocks do not matter).
 * A bucket holds up to {@code requests} tokens and refills at {@code requests / period}; an idle bucket expires
 * after one period (it would be full again by then). When Redis fails, every request is allowed ({@link FailOpenRedis}).
 */
public final class RateLimiter {

    /** The answer for one request: allowed, or refused until {@code retryAfter} has passed. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TOKEN_BUCKET = RedisScript.of("""
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil or at == nil then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * capacity / period)
              at = now
            end
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * period / capacity)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
            redis.call('PEXPIRE', KEYS[1], period)
            return {allowed, wait}
            """, List.class);

    private final StringRedisTemplate redis;
    private final FailOpenRedis guard;

    public RateLimiter(StringRedisTemplate redis, FailOpenRedis guard) {
        this.redis = redis;
        this.guard = guard;
    }

    /** Opens the connection to Redis (at start-up, so that the first request does not wait for it). */
    public void connect() {
        guard.call(() -> redis.execute((org.springframework.data.redis.core.RedisCallback<String>) connection -> connection.ping()));
    }

    /** Takes one token from {@code bucket} (a Redis key) sized by {@code limit}. */
    public Decision acquire(String bucket, Limit limit) {
        return guard.call(() -> redis.execute(TOKEN_BUCKET, List.of(bucket), String.valueOf(limit.requests()),
                        String.valueOf(limit.period().toMillis())))
                .map(RateLimiter::decision)
                .orElse(Decision.ALLOWED);
    }

    private static Decision decision(List<?> answer) {
        if (answer.size() != 2 || ((Number) answer.get(0)).longValue() == 1) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Duration.ofMillis(((Number) answer.get(1)).longValue()));
    }
}
