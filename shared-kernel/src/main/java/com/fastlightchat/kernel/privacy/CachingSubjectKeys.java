package com.fastlightchat.kernel.privacy;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Optional;

/**
 * A consumer's keys: asks {@code source} once per subject and remembers the answer (key or erased) in a bounded,
 * expiring {@link SubjectKeyCache}; {@link #markErased} on an erasure notice stops the use of the key at once.
 */
public final class CachingSubjectKeys implements SubjectKeys.OpeningOnly {

    private final SubjectKeys source;
    private final SubjectKeyCache cache;

    public CachingSubjectKeys(SubjectKeys source, int maxEntries, Duration ttl) {
        this.source = source;
        this.cache = new SubjectKeyCache(maxEntries, ttl);
    }

    @Override
    public Optional<SecretKey> openingKey(String subjectId) {
        return cache.get(subjectId, source::openingKey);
    }

    /** {@code subjectId} was erased: its values open as {@link PersonalDataCipher#ERASED} from now on. */
    public void markErased(String subjectId) {
        cache.markErased(subjectId);
    }
}
