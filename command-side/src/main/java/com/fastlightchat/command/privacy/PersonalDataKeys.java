package com.fastlightchat.command.privacy;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.command.environment.SecretBox;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.SubjectKeyCache;
import com.fastlightchat.kernel.privacy.SubjectKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end users' data keys, in {@code personal_data_keys}: one random AES-256 key per user, made the first time
 * personal data of the user is sealed, kept sealed with {@code flc.command.secrets-key}. Erasure ({@link UserErased},
 * in the transaction that stores it) deletes the key and leaves a tombstone, so nothing of the user can be opened
 * again, and nothing new of theirs is sealed (it is written as the erased placeholder).
 * <p>
 * Keys are remembered in memory ({@link SubjectKeyCache}, bounded, 10 minutes): sealing and opening cost no query
 * in the steady state. A key made inside a transaction is remembered only once that transaction committed, so a
 * rolled-back first message never leaves a key in memory that the table does not have; two transactions making the
 * first key of one user at once end with the same key (the second insert waits for the first and then reads it).
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class PersonalDataKeys implements SubjectKeys, ErasedUsers {

    /** What the table says of a subject. */
    public enum State { NONE, ACTIVE, ERASED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final SubjectKeyCache cache = new SubjectKeyCache(100_000, Duration.ofMinutes(10));

    public PersonalDataKeys(JdbcClient jdbc, CommandSideProperties properties) {
        this.jdbc = jdbc;
        this.box = SecretBox.fromBase64(properties.secretsKey());
    }

    @Override
    public Optional<SecretKey> sealingKey(String subjectId) {
        Optional<Optional<SecretKey>> held = held(subjectId);
        if (held.isPresent()) {
            return held.get();
        }
        Map<String, SecretKey> madeNow = madeInThisTransaction();
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        int inserted = jdbc.sql("""
                        insert into personal_data_keys (subject_id, sealed_key) values (:subject, :sealed)
                        on conflict (subject_id) do nothing""")
                .param("subject", subjectId)
                .param("sealed", box.seal(Base64.getEncoder().encodeToString(fresh), subjectId))
                .update();
        if (inserted == 1) {
            SecretKey key = new SecretKeySpec(fresh, "AES");
            if (madeNow != null) {
                madeNow.put(subjectId, key);
            } else {
                cache.put(subjectId, Optional.of(key));
            }
            return Optional.of(key);
        }
        return remembered(subjectId, read(subjectId));
    }

    @Override
    public Optional<SecretKey> openingKey(String subjectId) {
        return held(subjectId).orElseGet(() -> remembered(subjectId, read(subjectId)));
    }

    /** What memory holds of a subject: the remembered answer, or a key this transaction made; empty: ask the table. */
    private Optional<Optional<SecretKey>> held(String subjectId) {
        Optional<SubjectKeyCache.Known> known = cache.known(subjectId);
        if (known.isPresent()) {
            return Optional.of(known.get().key());
        }
        Map<String, SecretKey> madeNow = madeInThisTransaction();
        return madeNow != null && madeNow.containsKey(subjectId)
                ? Optional.of(Optional.of(madeNow.get(subjectId))) : Optional.empty();
    }

    @Override
    public boolean isErased(UserId userId) {
        Optional<SubjectKeyCache.Known> known = cache.known(userId.value());
        if (known.isPresent()) {
            return known.get().key().isEmpty();
        }
        Lookup row = read(userId.value());
        remembered(userId.value(), row);
        return row.state() == State.ERASED;
    }

    /** What the table holds for {@code subjectId} right now (not the memory): for the internal key endpoint. */
    public Lookup lookup(String subjectId) {
        return read(subjectId);
    }

    /** What the table holds for each of {@code subjectIds} that it has a row for (active or erased), in one query. */
    public Map<String, Lookup> lookupAll(Collection<String> subjectIds) {
        Map<String, Lookup> found = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select subject_id, sealed_key from personal_data_keys where subject_id in (:subjects)")
                .param("subjects", List.copyOf(subjectIds))
                .query((rs, n) -> {
                    String subjectId = rs.getString(1);
                    found.put(subjectId, lookup(subjectId, rs.getBytes(2)));
                    return subjectId;
                })
                .list();
        return found;
    }

    private Lookup lookup(String subjectId, byte[] sealed) {
        return sealed == null ? new Lookup(State.ERASED, Optional.empty())
                : new Lookup(State.ACTIVE, Optional.of(new SecretKeySpec(
                Base64.getDecoder().decode(box.open(sealed, subjectId)), "AES")));
    }

    /** A subject's state and, when active, its key. */
    public record Lookup(State state, Optional<SecretKey> key) {
    }

    /**
     * Deletes the user's key in the transaction that stores the erasure, leaving a tombstone (also for a user who
     * never had a key). This instance forgets the key at once and remembers the erasure once it is committed.
     */
    @EventHandler
    void on(UserErased event) {
        String subjectId = event.userId().value();
        jdbc.sql("""
                        insert into personal_data_keys (subject_id, sealed_key, erased_at) values (:subject, null, now())
                        on conflict (subject_id) do update set sealed_key = null,
                          erased_at = coalesce(personal_data_keys.erased_at, excluded.erased_at)""")
                .param("subject", subjectId)
                .update();
        cache.evict(subjectId);
        Map<String, SecretKey> madeNow = madeInThisTransaction();
        if (madeNow != null) {
            madeNow.remove(subjectId);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.markErased(subjectId);
                }
            });
        } else {
            cache.markErased(subjectId);
        }
    }

    private Lookup read(String subjectId) {
        return jdbc.sql("select sealed_key from personal_data_keys where subject_id = :subject")
                .param("subject", subjectId)
                .query((rs, n) -> lookup(subjectId, rs.getBytes(1)))
                .optional()
                .orElse(new Lookup(State.NONE, Optional.empty()));
    }

    /** Remembers a committed row's answer (never a missing row: its key may be made any moment). */
    private Optional<SecretKey> remembered(String subjectId, Lookup row) {
        if (row.state() != State.NONE) {
            cache.put(subjectId, row.key());
        }
        return row.key();
    }

    /**
     * The keys made by the current transaction, which go to memory when it commits (and are dropped if it rolls
     * back); null outside a transaction.
     */
    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> madeInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, SecretKey> made = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (made == null) {
            Map<String, SecretKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonalDataKeys.this);
                    if (status == STATUS_COMMITTED) {
                        fresh.forEach((subject, key) -> cache.put(subject, Optional.of(key)));
                    }
                }
            });
            made = fresh;
        }
        return made;
    }
}
