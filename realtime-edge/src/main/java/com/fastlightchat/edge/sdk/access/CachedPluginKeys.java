package com.fastlightchat.edge.sdk.access;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Remembers known plugin keys in Redis under {@code <prefix>pk:<sha256(pluginKey)>} (the key itself is never
 * stored), with the environment each opens, for {@code ttl}, so that a rotated key stops opening connections within {@code ttl}. Unknown keys are
 * never cached: a key created a moment ago works as soon as the query side knows it. Redis failures fall back to
 * asking.
 */
public final class CachedPluginKeys implements PluginKeys {

    private final RememberedAnswers answers;
    private final String keyPrefix;
    private final PluginKeys delegate;

    public CachedPluginKeys(StringRedisTemplate redis, String keyPrefix, Duration ttl, PluginKeys delegate) {
        this.answers = new RememberedAnswers(redis, ttl);
        this.keyPrefix = keyPrefix;
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
    public Answer check(String pluginKey) {
        String key = key(pluginKey);
        String environmentId = answers.recall(key);
        if (environmentId != null && !environmentId.equals("1")) { // "1": remembered before environments were
            return Answer.known(environmentId);
        }
        Answer answer = delegate.check(pluginKey);
        if (answer.verdict() == Verdict.KNOWN) {
            answers.remember(key, answer.environmentId());
        }
        return answer;
    }
}
