package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.envelope.UnknownEventTypeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Decoding of Kafka records for projectors. */
public final class EventRecords {

    private static final Logger log = LoggerFactory.getLogger(EventRecords.class);

    private EventRecords() {
    }

    /**
     * The envelope in the record, or empty for an event type this build does not know (a newer producer): a read
     * model cannot use what it does not understand. A malformed record throws and is skipped by the error handler.
     */
    public static Optional<EventEnvelope> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(EventCodec.decode(record.value()));
        } catch (UnknownEventTypeException e) {
            log.debug("skipping {} at {}-{}@{}", e.getMessage(), record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
    }
}
