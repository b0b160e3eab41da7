package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.edge.sdk.SdkSession;
import com.fastlightchat.kernel.id.ChatId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * Remembers positive answers in Redis under {@code <prefix>authz:<userId>:<chatId>} for a while, so that a user
 * reconnecting or opening a second tab does not cost a call to the query side. Negative and missing answers are
 * never cached: a chat opened a moment ago must become joinable as soon as the query side knows it. A chat never
 * changes its user, so a cached "yes" cannot turn wrong before it expires. Redis failures fall back to asking.
 */
public final class CachedChatAccess implements ChatAccess {

    private static final Logger log = LoggerFactory.getLogger(CachedChatAccess.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration ttl;
    private final ChatAccess delegate;

    public CachedChatAccess(StringRedisTemplate redis, String keyPrefix, Duration ttl, ChatAccess delegate) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.delegate = delegate;
    }

    /** The cache key of one user's access to one chat. */
    public String key(String userId, ChatId chatId) {
        return keyPrefix + "authz:" + userId + ":" + chatId.value();
    }

    @Override
    public Verdict check(SdkSession session, ChatId chatId) {
        String key = key(session.userId(), chatId);
        try {
            if (Boolean.TRUE.equals(redis.hasKey(key))) {
                return Verdict.ALLOWED;
            }
        } catch (DataAccessException e) {
            log.warn("chat access cache unavailable, asking the query side: {}", e.toString());
        }
        Verdict verdict = delegate.check(session, chatId);
        if (verdict == Verdict.ALLOWED) {
            try {
                redis.opsForValue().set(key, "1", ttl);
            } catch (DataAccessException e) {
                log.warn("could not cache chat access: {}", e.toString());
            }
        }
        return verdict;
    }
}
