package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.envelope.KernelJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The serdes of the analytics topology, declared once: event envelopes through the kernel's codec (an unknown or
 * malformed event fails to deserialize and is skipped by the log-and-continue handler), everything else as JSON
 * with the kernel's mapper.
 */
public final class AnalyticsSerdes {

    public static final Serde<EventEnvelope> ENVELOPE = Serdes.serdeFrom(
            (topic, envelope) -> envelope == null ? null : EventCodec.encode(envelope),
            (topic, bytes) -> bytes == null ? null : EventCodec.decode(bytes));
    public static final Serde<ChatTimeline> CHAT_TIMELINE = json(ChatTimeline.class);
    public static final Serde<ChatFact> CHAT_FACT = json(ChatFact.class);
    public static final Serde<OpeningHoursHistory> OPENING_HOURS = json(OpeningHoursHistory.class);
    public static final Serde<Bucket> BUCKET = json(Bucket.class);
    public static final Serde<LiveBacklog> LIVE_BACKLOG = json(LiveBacklog.class);

    private AnalyticsSerdes() {
    }

    /** A record as JSON with the kernel's mapper. */
    public static <T> Serde<T> json(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : KernelJson.mapper().writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : KernelJson.mapper().readValue(bytes, type));
    }

    /**
     * Event time: the envelope's {@code occurredAt}, so that windows, ordering across partitions and replays depend
     * on when facts happened, never on when they were published or processed.
     */
    public static final class EventTime implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            return record.value() instanceof EventEnvelope envelope ? envelope.occurredAt().toEpochMilli()
                    : Math.max(record.timestamp(), partitionTime);
        }
    }
}
