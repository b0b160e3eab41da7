package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Kafka consumer interceptor for the projections: before a polled batch reaches the listeners, the keys of every
 * user with sealed data in it that this instance does not hold yet are fetched in one call, so that a batch bringing
 * many new users waits once instead of once per user (each listener would otherwise ask for them one at a time, in
 * turn). It only warms the cache: should the fetch fail, each record's own look-up applies the usual rules (the
 * projection waits and retries, it never stores a placeholder).
 *
 * <p>Kafka creates it; the keys arrive through the consumer configuration under {@value #KEYS_CONFIG}.
 */
public final class SealedKeyPrefetch implements ConsumerInterceptor<String, byte[]> {

    /** The consumer configuration entry that carries the {@link CachingSubjectKeys} instance. */
    public static final String KEYS_CONFIG = "flc.subject-keys";

    private static final Logger log = LoggerFactory.getLogger(SealedKeyPrefetch.class);

    private CachingSubjectKeys keys;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(KEYS_CONFIG) instanceof CachingSubjectKeys configured) {
            keys = configured;
        }
    }

    @Override
    public ConsumerRecords<String, byte[]> onConsume(ConsumerRecords<String, byte[]> records) {
        if (keys == null || records.isEmpty()) {
            return records;
        }
        Set<String> subjects = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() != null) {
                PersonalDataCipher.sealedSubjects(record.value(), subjects);
            }
        }
        if (!subjects.isEmpty()) {
            try {
                keys.prefetch(subjects);
            } catch (KeysUnavailableException | IllegalStateException e) {
                log.debug("keys of {} users not fetched ahead of a batch: {}", subjects.size(), e.getMessage());
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
