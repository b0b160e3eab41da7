package com.fastlightchat.kernel.privacy;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A bounded, expiring memory of subjects' keys, erased subjects included (as an empty key), so that opening and
 * sealing personal data costs no look-up in the steady state. Entries live at most {@code ttl}, which bounds how long
 * an instance that missed an erasure notice could still use a deleted key; at most {@code maxEntries} are kept (the
 * oldest go first when it is full).
 */
public final class SubjectKeyCache {

    private record Entry(Optional<SecretKey> key, long storedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public SubjectKeyCache(int maxEntries, Duration ttl) {
        this(maxEntries, ttl, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (tests pass their own) */
    public SubjectKeyCache(int maxEntries, Duration ttl, LongSupplier nanoTime) {
        if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a key cache needs room for one entry and a positive time to live");
        }
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** What is remembered of a subject: its key, or empty when it was erased. */
    public record Known(Optional<SecretKey> key) {
    }

    /** What is remembered of {@code subjectId}, if anything (and not expired). */
    public Optional<Known> known(String subjectId) {
        Entry entry = entries.get(subjectId);
        return entry != null && nanoTime.getAsLong() - entry.storedAt() < ttlNanos
                ? Optional.of(new Known(entry.key())) : Optional.empty();
    }

    /** The remembered key (empty: erased) of {@code subjectId}, or what {@code loader} says, remembered. */
    public Optional<SecretKey> get(String subjectId, Function<String, Optional<SecretKey>> loader) {
        Optional<Known> known = known(subjectId);
        if (known.isPresent()) {
            return known.get().key();
        }
        Optional<SecretKey> key = loader.apply(subjectId);
        put(subjectId, key);
        return key;
    }

    /**
     * Remembers the key of {@code subjectId}; an empty key remembers that the subject was erased. An erasure is final:
     * a key loaded before it (a look-up that raced with the erasure) never replaces it.
     */
    public void put(String subjectId, Optional<SecretKey> key) {
        long now = nanoTime.getAsLong();
        Entry entry = new Entry(key, now);
        entries.merge(subjectId, entry, (old, fresh) -> old.key().isEmpty() && fresh.key().isPresent() ? old : fresh);
        if (entries.size() > maxEntries) {
            shrink(now);
        }
    }

    /** Remembers that {@code subjectId} was erased: its key is never used again by this instance. */
    public void markErased(String subjectId) {
        put(subjectId, Optional.empty());
    }

    /** Forgets {@code subjectId}: the next use asks again. */
    public void evict(String subjectId) {
        entries.remove(subjectId);
    }

    public int size() {
        return entries.size();
    }

    /** Drops expired entries, then the oldest until a tenth of the room is free again. */
    private void shrink(long now) {
        entries.values().removeIf(entry -> now - entry.storedAt() >= ttlNanos);
        int excess = entries.size() - Math.max(1, maxEntries - Math.max(1, maxEntries / 10));
        if (excess > 0) {
            entries.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().storedAt()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
