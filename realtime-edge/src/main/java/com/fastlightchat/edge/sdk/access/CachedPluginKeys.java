package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.kernel.envelope.KernelJson;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Remembers that a plugin key opens an environment, with the environment's allowed origins, in Redis under
 * {@code <prefix>pk:<sha256(pluginKey + "\n" + environmentId)>} (the key itself is never stored) for {@code ttl}, so
 * that a rotated key stops opening connections, and new allowed origins apply, within {@code ttl}. Negative answers
 * are never cached: a key created a moment ago works as soon as the query side knows it. Redis failures fall back to
 * asking.
 */
public final class CachedPluginKeys implements PluginKeys {

    private static final TypeReference<List<String>> ORIGINS = new TypeReference<>() {
    };

    private final RememberedAnswers answers;
    private final String keyPrefix;
    private final PluginKeys delegate;

    public CachedPluginKeys(StringRedisTemplate redis, String keyPrefix, Duration ttl, PluginKeys delegate) {
        this.answers = new RememberedAnswers(redis, ttl);
        this.keyPrefix = keyPrefix;
        this.delegate = delegate;
    }

    /** The cache key of one plugin key for one environment. */
    public String key(String pluginKey, String environmentId) {
        return keyPrefix + "pk:" + ApiSecrets.hash(pluginKey + "\n" + environmentId);
    }

    @Override
    public Answer check(String pluginKey, String userToken, String environmentId) {
        String key = key(pluginKey, environmentId);
        Optional<List<String>> remembered = answers.recall(key).flatMap(CachedPluginKeys::origins);
        if (remembered.isPresent()) {
            return Answer.known(remembered.get());
        }
        Answer answer = delegate.check(pluginKey, userToken, environmentId);
        if (answer.verdict() == Verdict.KNOWN) {
            answers.remember(key, KernelJson.mapper().writeValueAsString(answer.allowedOrigins()));
        }
        return answer;
    }

    private static Optional<List<String>> origins(String remembered) {
        try {
            return Optional.of(KernelJson.mapper().readValue(remembered, ORIGINS));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
