package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.kernel.envelope.KernelJson;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Remembers known plugin keys in Redis under {@code <prefix>pk:<sha256(pluginKey)>} (the key itself is never
 * stored), with the environment each opens and its allowed origins ({@code {"environmentId":…,"allowedOrigins":[…]}}),
 * for {@code ttl}, so that a rotated key stops opening connections, and new allowed origins apply, within
 * {@code ttl}. Unknown keys are never cached: a key created a moment ago works as soon as the query side knows it.
 * Redis failures, and values remembered in an older form, fall back to asking.
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
        return keyPrefix + "pk:" + ApiSecrets.hash(pluginKey);
    }

    @Override
    public Answer check(String pluginKey) {
        String key = key(pluginKey);
        Answer remembered = parse(answers.recall(key));
        if (remembered != null) {
            return remembered;
        }
        Answer answer = delegate.check(pluginKey);
        if (answer.verdict() == Verdict.KNOWN) {
            answers.remember(key, KernelJson.mapper().writeValueAsString(Map.of(
                    "environmentId", answer.environmentId(), "allowedOrigins", answer.allowedOrigins())));
        }
        return answer;
    }

    /** A remembered answer, or null for none or one in an older form (a bare environment id, or "1"). */
    private static Answer parse(String remembered) {
        if (remembered == null || !remembered.startsWith("{")) {
            return null;
        }
        try {
            JsonNode value = KernelJson.mapper().readTree(remembered);
            List<String> origins = new ArrayList<>();
            value.path("allowedOrigins").forEach(origin -> origins.add(origin.asString()));
            String environmentId = value.path("environmentId").asString(null);
            return environmentId == null ? null : Answer.known(environmentId, origins);
        } catch (JacksonException e) {
            return null;
        }
    }
}
