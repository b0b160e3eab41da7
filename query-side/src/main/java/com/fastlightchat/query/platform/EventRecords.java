package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
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
        return decode(record, EnvelopeCodec.PLAIN);
    }

    /**
     * The same, read with {@code codec}: a read model that shows personal data opens it with the service's sealing
     * codec (erased data reads as {@code [erased]}). A key that cannot be fetched now throws
     * {@link com.fastlightchat.kernel.privacy.KeysUnavailableException}, which the error handler retries.
     */
    public static Optional<EventEnvelope> decode(ConsumerRecord<String, byte[]> record, EnvelopeCodec codec) {
        try {
            return Optional.of(codec.decode(record.value()));
        } catch (UnknownEventTypeException e) {
            log.debug("skipping {} at {}-{}@{}", e.getMessage(), record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
    }
}
