package com.fastlightchat.edge.sdk.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Remembers known plugin keys in Redis under {@code <prefix>pk:<sha256(pluginKey)>} (the key itself is never
 * stored) for {@code ttl}, so that a rotated key stops opening connections within {@code ttl}. Unknown keys are
 * never cached: a key created a moment ago works as soon as the query side knows it. Redis failures fall back to
 * asking.
 */
public final class CachedPluginKeys implements PluginKeys {

    private static final Logger log = LoggerFactory.getLogger(CachedPluginKeys.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration ttl;
    private final PluginKeys delegate;

    public CachedPluginKeys(StringRedisTemplate redis, String keyPrefix, Duration ttl, PluginKeys delegate) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.delegate = delegate;
    }

    /** The cache key of one plugin key. */
    public String key(String pluginKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pluginKey.getBytes(StandardCharsets.UTF_8));
            return keyPrefix + "pk:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public Verdict check(String pluginKey) {
        String key = key(pluginKey);
        try {
            if (Boolean.TRUE.equals(redis.hasKey(key))) {
                return Verdict.KNOWN;
            }
        } catch (DataAccessException e) {
            log.warn("plugin key cache unavailable, asking the query side: {}", e.toString());
        }
        Verdict verdict = delegate.check(pluginKey);
        if (verdict == Verdict.KNOWN) {
            try {
                redis.opsForValue().set(key, "1", ttl);
            } catch (DataAccessException e) {
                log.warn("could not cache a plugin key: {}", e.toString());
            }
        }
        return verdict;
    }
}
