package com.fastlightchat.kernel.privacy;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where a {@link PersonalDataCipher} gets each data subject's AES-256 key. */
public interface SubjectKeys {

    /**
     * The key to seal new personal data of {@code subjectId} with, created on first use. Empty once the subject was
     * erased: nothing new of theirs is kept.
     */
    Optional<SecretKey> sealingKey(String subjectId);

    /**
     * The key to open personal data of {@code subjectId} with; empty once the subject was erased.
     *
     * @throws KeysUnavailableException when it cannot be known right now (the key service is down): retry later
     */
    Optional<SecretKey> openingKey(String subjectId);

    /**
     * The opening keys of several subjects at once (empty for an erased one); a subject that has no key yet is left
     * out. This default asks {@link #openingKey} for each; a remote source answers them all in one call.
     *
     * @throws KeysUnavailableException when they cannot be known right now
     */
    default Map<String, Optional<SecretKey>> openingKeys(Collection<String> subjectIds) {
        Map<String, Optional<SecretKey>> keys = new HashMap<>();
        for (String subjectId : subjectIds) {
            keys.put(subjectId, openingKey(subjectId));
        }
        return keys;
    }

    /** Keys of a consumer, which only ever opens what the command side sealed. */
    interface OpeningOnly extends SubjectKeys {
        @Override
        default Optional<SecretKey> sealingKey(String subjectId) {
            throw new UnsupportedOperationException("only the command side seals personal data");
        }
    }
}
