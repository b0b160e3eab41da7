package com.fastlightchat.edge.sdk.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * Positive answers of the query side remembered in Redis for {@code ttl}, one key each. Redis failures are logged
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
        return recall(key) != null;
    }

    /** The value remembered under {@code key}, or null (also when Redis does not answer). */
    String recall(String key) {
        try {
            return redis.opsForValue().get(key);
        } catch (DataAccessException e) {
            log.warn("answer cache unavailable, asking the query side: {}", e.toString());
            return null;
        }
    }

    void remember(String key) {
        remember(key, "1");
    }

    void remember(String key, String value) {
        try {
            redis.opsForValue().set(key, value, ttl);
        } catch (DataAccessException e) {
            log.warn("could not cache an answer: {}", e.toString());
        }
    }
}
