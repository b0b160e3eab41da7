package com.fastlightchat.kernel.privacy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keys held in memory, for tests: a fixed key for the samples' user (the key the sealed golden files were made with),
 * random keys for anyone else, and erasure by forgetting a key.
 */
public final class TestSubjectKeys implements SubjectKeys {

    /** The key of {@code EventSamples.USER} that sealed the golden files under {@code golden/sealed/}. */
    public static final String GOLDEN_KEY = "Z29sZGVuLWZpbGVzLWtleS0wMTIzNDU2Nzg5YWJjZGU=";

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lookups = new AtomicInteger();

    public TestSubjectKeys() {
        keys.put("usr_8f49d09d45bf47009d5eee32f32e02db", new SecretKeySpec(Base64.getDecoder().decode(GOLDEN_KEY), "AES"));
    }

    @Override
    public Optional<SecretKey> sealingKey(String subjectId) {
        lookups.incrementAndGet();
        if (erased.contains(subjectId)) {
            return Optional.empty();
        }
        return Optional.of(keys.computeIfAbsent(subjectId, id -> {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return new SecretKeySpec(key, "AES");
        }));
    }

    @Override
    public Optional<SecretKey> openingKey(String subjectId) {
        lookups.incrementAndGet();
        return erased.contains(subjectId) ? Optional.empty() : Optional.ofNullable(keys.get(subjectId));
    }

    /** Deletes the subject's key for good. */
    public void erase(String subjectId) {
        erased.add(subjectId);
        keys.remove(subjectId);
    }

    public int lookups() {
        return lookups.get();
    }

    public Set<String> subjects() {
        return new HashSet<>(keys.keySet());
    }
}
