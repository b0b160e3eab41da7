package com.fastlightchat.query.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Materializes the analytics topology's output into PostgreSQL: each record is the whole new state of a bucket or
 * backlog, saved unless a higher version is already there, so the sink is idempotent and any query-side instance
 * serves the same figures. Reads only committed records (the topology writes them in transactions). Consumer group
 * {@code query-side.analytics-sink}.
 */
@Component
@ConditionalOnBooleanProperty(name = "flc.query.analytics.enabled", matchIfMissing = true)
public class AnalyticsSink {

    private final Buckets buckets;
    private final LiveBacklogs backlogs;
    private final Counter bucketUpdates;
    private final Counter liveUpdates;

    public AnalyticsSink(Buckets buckets, LiveBacklogs backlogs, MeterRegistry registry) {
        this.buckets = buckets;
        this.backlogs = backlogs;
        bucketUpdates = Counter.builder("flc.analytics.sink.updates").tag("kind", "bucket")
                .description("Analytics states received by this instance's sink").register(registry);
        liveUpdates = Counter.builder("flc.analytics.sink.updates").tag("kind", "live")
                .description("Analytics states received by this instance's sink").register(registry);
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + AnalyticsTopics.BUCKETS,
            groupId = "${flc.query.topic-prefix:}query-side.analytics-sink",
            properties = "isolation.level=read_committed")
    void onBucket(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null) {
            buckets.save(AnalyticsSerdes.BUCKET.deserializer().deserialize(record.topic(), record.value()));
            bucketUpdates.increment();
        }
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + AnalyticsTopics.LIVE,
            groupId = "${flc.query.topic-prefix:}query-side.analytics-sink",
            properties = "isolation.level=read_committed")
    void onLive(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null) {
            backlogs.save(AnalyticsSerdes.LIVE_BACKLOG.deserializer().deserialize(record.topic(), record.value()));
            liveUpdates.increment();
        }
    }
}
