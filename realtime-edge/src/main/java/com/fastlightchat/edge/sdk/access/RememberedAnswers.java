package com.fastlightchat.edge.sdk.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;

/**
 * Positive answers of the query side remembered in Redis for {@code ttl}, one key each (with a value when the answer
 * has one). Redis failures are logged
 * and count as "not remembered", so the caller asks the query side.
 */
final class RememberedAnswers {

    private static final Logger log = LoggerFactory.getLogger(RememberedAnswers.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;

    RememberedAnswers(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    boolean remembered(String key) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(key));
        } catch (DataAccessException e) {
            log.warn("answer cache unavailable, asking the query side: {}", e.toString());
            return false;
        }
    }

    void remember(String key) {
        remember(key, "1");
    }

    /** The remembered value, or empty when there is none (or Redis fails). */
    Optional<String> recall(String key) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(key));
        } catch (DataAccessException e) {
            log.warn("answer cache unavailable, asking the query side: {}", e.toString());
            return Optional.empty();
        }
    }

    void remember(String key, String value) {
        try {
            redis.opsForValue().set(key, value, ttl);
        } catch (DataAccessException e) {
            log.warn("could not cache an answer: {}", e.toString());
        }
    }
}
