package com.fastlightchat.kernel.privacy;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A consumer's keys: asks {@code source} once per subject and remembers the answer (key or erased) in a bounded,
 * expiring {@link SubjectKeyCache}; {@link #markErased} on an erasure notice stops the use of the key at once.
 * Optionally, after the source failed, further look-ups fail at once for {@code failFast} instead of each waiting
 * for the source again (for a caller that must not stall, like the edge's stream).
 */
public final class CachingSubjectKeys implements SubjectKeys.OpeningOnly {

    private final SubjectKeys source;
    private final SubjectKeyCache cache;
    private final long failFastNanos;
    private final LongSupplier nanoTime;
    private volatile long unavailableUntil;
    private volatile boolean unavailable;

    public CachingSubjectKeys(SubjectKeys source, int maxEntries, Duration ttl) {
        this(source, maxEntries, ttl, Duration.ZERO, System::nanoTime);
    }

    public CachingSubjectKeys(SubjectKeys source, int maxEntries, Duration ttl, Duration failFast,
                              LongSupplier nanoTime) {
        this.source = source;
        this.cache = new SubjectKeyCache(maxEntries, ttl, nanoTime);
        this.failFastNanos = failFast.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<SecretKey> openingKey(String subjectId) {
        return cache.get(subjectId, this::ask);
    }

    /**
     * Fetches, in one call to the source, the keys of those of {@code subjectIds} not remembered yet, so that a
     * consumer about to open a batch of events waits once instead of once per new subject. A failure is remembered
     * like any other (fail fast) and thrown; subjects the source has no key for are not remembered.
     *
     * @return how many subjects were asked for
     * @throws KeysUnavailableException when the source cannot answer now
     */
    public int prefetch(Collection<String> subjectIds) {
        Set<String> missing = new LinkedHashSet<>();
        for (String subjectId : subjectIds) {
            if (cache.known(subjectId).isEmpty()) {
                missing.add(subjectId);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        requireNotFailing(missing.size() + " subjects");
        try {
            source.openingKeys(missing).forEach(cache::put);
            unavailable = false;
            return missing.size();
        } catch (KeysUnavailableException e) {
            failed();
            throw e;
        }
    }

    /** {@code subjectId} was erased: its values open as {@link PersonalDataCipher#ERASED} from now on. */
    public void markErased(String subjectId) {
        cache.markErased(subjectId);
    }

    private Optional<SecretKey> ask(String subjectId) {
        requireNotFailing(subjectId);
        try {
            Optional<SecretKey> key = source.openingKey(subjectId);
            unavailable = false;
            return key;
        } catch (KeysUnavailableException e) {
            failed();
            throw e;
        }
    }

    /** Within the fail-fast window after a failure: fails at once instead of asking the source again. */
    private void requireNotFailing(String what) {
        if (unavailable && nanoTime.getAsLong() - unavailableUntil < 0) {
            throw new KeysUnavailableException("the key service failed moments ago; not asked for " + what, null);
        }
    }

    private void failed() {
        if (failFastNanos > 0) {
            unavailableUntil = nanoTime.getAsLong() + failFastNanos;
            unavailable = true;
        }
    }
}
