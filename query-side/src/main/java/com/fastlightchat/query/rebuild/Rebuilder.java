package com.fastlightchat.query.rebuild;

import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.QuerySideProperties;
import com.fastlightchat.web.Rejection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Rebuilds a read model: replays its topics from the first event up to the end as it is when the rebuild starts,
 * into fresh storage, then compares a checksum per document/row with the live model. Compare on a quiet system (or
 * expect differences for what changed meanwhile). One rebuild at a time per instance.
 */
@Service
public class Rebuilder {

    private final Map<String, ReadModel> readModels;
    private final ConsumerFactory<String, byte[]> consumers;
    private final QuerySideProperties properties;
    private final ReentrantLock running = new ReentrantLock();

    public Rebuilder(List<ReadModel> readModels, ConsumerFactory<String, byte[]> consumers, QuerySideProperties properties) {
        this.readModels = readModels.stream().collect(java.util.stream.Collectors.toMap(ReadModel::name, m -> m));
        this.consumers = consumers;
        this.properties = properties;
    }

    public Set<String> readModels() {
        return new java.util.TreeSet<>(readModels.keySet());
    }

    /**
     * @param progress told the number of events replayed so far, now and then
     * @param keep     keep the rebuilt storage (otherwise it is dropped after the comparison)
     */
    public RebuildReport rebuild(String name, boolean keep, LongConsumer progress) {
        ReadModel model = readModels.get(name);
        if (model == null) {
            throw Rejection.notFound("read model '" + name + "'");
        }
        if (!running.tryLock()) {
            throw Rejection.conflict("readModel", "a rebuild is already running on this instance");
        }
        try {
            return run(model, keep, progress);
        } finally {
            running.unlock();
        }
    }

    /** Replayed events only; exposed for progress bars that want a total. */
    public long eventsToReplay(String name) {
        ReadModel model = readModels.get(name);
        if (model == null) {
            throw Rejection.notFound("read model '" + name + "'");
        }
        try (Consumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, model);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private RebuildReport run(ReadModel model, boolean keep, LongConsumer progress) {
        ReadModel.Fresh fresh = model.fresh(Long.toString(System.currentTimeMillis(), 36));
        long started = System.nanoTime();
        long events = 0;
        try (Consumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = partitions(consumer, model);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> pending = new HashSet<>();
            end.forEach((partition, offset) -> {
                if (offset > 0) {
                    pending.add(partition);
                }
            });
            while (!pending.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        fresh.apply(record);
                        events++;
                        if (events % 1000 == 0) {
                            progress.accept(events);
                        }
                    }
                }
                pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
            progress.accept(events);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, String> live = model.live().checksums();
            Map<String, String> rebuilt = fresh.checksums();
            List<RebuildReport.Difference> differences = compare(live, rebuilt);
            return new RebuildReport(model.name(), events, seconds, seconds > 0 ? events / seconds : events,
                    live.size(), rebuilt.size(), differences.subList(0, Math.min(differences.size(), 1000)),
                    differences.isEmpty(), keep ? fresh.location() : null);
        } finally {
            if (!keep) {
                fresh.drop();
            }
        }
    }

    static List<RebuildReport.Difference> compare(Map<String, String> live, Map<String, String> rebuilt) {
        List<RebuildReport.Difference> differences = new ArrayList<>();
        live.forEach((id, sum) -> {
            String other = rebuilt.get(id);
            if (other == null) {
                differences.add(new RebuildReport.Difference(id, RebuildReport.Kind.MISSING_IN_REBUILD));
            } else if (!other.equals(sum)) {
                differences.add(new RebuildReport.Difference(id, RebuildReport.Kind.DIFFERENT));
            }
        });
        rebuilt.keySet().stream().filter(id -> !live.containsKey(id)).sorted()
                .forEach(id -> differences.add(new RebuildReport.Difference(id, RebuildReport.Kind.MISSING_IN_LIVE)));
        return differences;
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer, ReadModel model) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : model.topics()) {
            String name = Topics.prefixed(properties.topicPrefix(), topic);
            List<PartitionInfo> infos = consumer.partitionsFor(name, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(name, info.partition())));
            }
        }
        return partitions;
    }

    private Consumer<String, byte[]> newConsumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return consumers.createConsumer(null, "rebuild-" + UUID.randomUUID(), null, overrides);
    }
}
