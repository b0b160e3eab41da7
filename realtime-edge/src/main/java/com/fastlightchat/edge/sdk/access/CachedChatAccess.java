package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.edge.sdk.SdkSession;
import com.fastlightchat.kernel.id.ChatId;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * Remembers positive answers in Redis under {@code <prefix>authz:<userId>:<chatId>} for a while, so that a user
 * reconnecting or opening a second tab does not cost a call to the query side. Negative and missing answers are
 * never cached: a chat opened a moment ago must become joinable as soon as the query side knows it. A chat never
 * changes its user, so a cached "yes" cannot turn wrong before it expires. Redis failures fall back to asking.
 */
public final class CachedChatAccess implements ChatAccess {

    private final RememberedAnswers answers;
    private final String keyPrefix;
    private final ChatAccess delegate;

    public CachedChatAccess(StringRedisTemplate redis, String keyPrefix, Duration ttl, ChatAccess delegate) {
        this.answers = new RememberedAnswers(redis, ttl);
        this.keyPrefix = keyPrefix;
        this.delegate = delegate;
    }

    /** The cache key of one user's access to one chat. */
    public String key(String userId, ChatId chatId) {
        return keyPrefix + "authz:" + userId + ":" + chatId.value();
    }

    @Override
    public Verdict check(SdkSession session, ChatId chatId) {
        String key = key(session.userId(), chatId);
        if (answers.remembered(key)) {
            return Verdict.ALLOWED;
        }
        Verdict verdict = delegate.check(session, chatId);
        if (verdict == Verdict.ALLOWED) {
            answers.remember(key);
        }
        return verdict;
    }
}
