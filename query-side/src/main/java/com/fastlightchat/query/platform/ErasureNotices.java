package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's key memory about every erasure at once: each instance reads all of {@code user-events} from
 * its start (a consumer group of its own), so a key no instance should use any more is forgotten within moments, not
 * after its ten minutes. Read models do not depend on it (they mark and scrub erased chats themselves); it narrows
 * the time a late event could still be opened with a deleted key.
 */
@Component
public class ErasureNotices {

    private final CachingSubjectKeys keys;

    public ErasureNotices(CachingSubjectKeys keys) {
        this.keys = keys;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.USER_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.erasure-notices-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record)
                .filter(envelope -> envelope.payload() instanceof UserErased)
                .ifPresent(envelope -> keys.markErased(envelope.aggregateId()));
    }
}
