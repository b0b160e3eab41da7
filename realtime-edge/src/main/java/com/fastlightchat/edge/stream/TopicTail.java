package com.fastlightchat.edge.stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads one topic on a thread of its own and hands every record's value to {@link #deliver(ConsumerRecord)}.
 *
 * <p>Every edge instance must see every event (a socket may be connected to any instance), so there is no consumer
 * group: the stream {@code assign()}s itself all partitions of the topic, waiting until the topic exists. Nothing is
 * committed to Kafka; instead, after each poll the stream raises the fleet's shared {@link StreamPositions}, and a
 * starting instance begins each partition where the fleet left off — so the events published while no instance
 * read them (every instance crashed, or the only one restarted) are still delivered, into the recent-events window
 * and to the clients that resume — at most {@code maxReplay} records back, and at the live end when no position is
 * known. Partitions added to the topic later are picked up within {@link #PARTITION_REFRESH} and read from their
 * beginning.
 */
public abstract class TopicTail implements SmartLifecycle {

    /** How often the topic's partition count is checked again. */
    static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final String threadName;
    private final StreamPositions positions;
    private final long maxReplay;
    private final Map<Integer, Long> saved = new HashMap<>();

    private volatile boolean running;
    private volatile boolean live;
    private volatile Consumer<String, byte[]> consumer;
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private Thread thread;
    private boolean waitingLogged;

    /**
     * @param consumers creates the consumer (configured without a group and without offset commits); called on the
     *                  stream's own thread, which is the only one that uses it
     * @param topic      the full, prefixed topic name
     * @param threadName name of the reading thread
     * @param positions  the fleet's shared read positions
     * @param maxReplay  most records per partition a starting instance reads behind the live end
     */
    protected TopicTail(Supplier<Consumer<String, byte[]>> consumers, String topic, String threadName,
                        StreamPositions positions, long maxReplay) {
        this.consumers = consumers;
        this.topic = topic;
        this.threadName = threadName;
        this.positions = positions;
        this.maxReplay = maxReplay;
    }

    /** The topic this stream reads. */
    public String topic() {
        return topic;
    }

    /**
     * True once every partition is assigned and positioned at its end: from then on, every event written to the
     * topic is delivered.
     */
    public boolean isLive() {
        return live;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopped.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (Consumer<String, byte[]> kafka = consumers.get()) {
            consumer = kafka;
            Set<TopicPartition> assigned = new HashSet<>();
            Instant nextRefresh = Instant.MIN;
            while (running) {
                try {
                    if (Instant.now().isAfter(nextRefresh)) {
                        boolean complete = refreshAssignment(kafka, assigned);
                        nextRefresh = Instant.now().plus(complete ? PARTITION_REFRESH : RETRY_BACKOFF);
                    }
                    if (assigned.isEmpty()) {
                        pause(RETRY_BACKOFF);
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
                    deliver(records);
                    if (!records.isEmpty()) {
                        savePositions(kafka, assigned);
                    }
                } catch (WakeupException e) {
                    // stop() woke the consumer; the loop condition ends the stream
                } catch (KafkaException e) {
                    log.warn("stream of {} failed, retrying: {}", topic, e.toString());
                    pause(RETRY_BACKOFF);
                }
            }
        } catch (RuntimeException e) {
            log.error("stream of {} stopped", topic, e);
        } finally {
            live = false;
            consumer = null;
        }
    }

    /**
     * Assigns every partition of the topic. New partitions of an already read topic start at their beginning (all
     * they hold is new); on the first assignment every partition starts where the fleet left off
     * ({@link #startOffsets}).
     *
     * @return false while the topic does not exist yet or its end offsets are not known
     */
    private boolean refreshAssignment(Consumer<String, byte[]> kafka, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = kafka.partitionsFor(topic, METADATA_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            if (assigned.isEmpty() && !waitingLogged) {
                log.info("waiting for topic {} to exist", topic);
                waitingLogged = true;
            }
            return !assigned.isEmpty();
        }
        Set<TopicPartition> all = new HashSet<>();
        partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        if (all.equals(assigned) && live) {
            return true;
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        kafka.assign(all);
        if (assigned.isEmpty()) {
            Map<TopicPartition, Long> ends = kafka.endOffsets(all, METADATA_TIMEOUT);
            Map<TopicPartition, Long> starts = startOffsets(ends, kafka.beginningOffsets(all, METADATA_TIMEOUT),
                    positions.load(topic), maxReplay);
            starts.forEach(kafka::seek);
            long behind = 0;
            for (TopicPartition partition : all) {
                behind += ends.get(partition) - starts.get(partition);
            }
            if (behind > 0) {
                log.info("reading {} partition(s) of {} from where the fleet left off, {} record(s) behind the end",
                        all.size(), topic, behind);
            } else {
                log.info("reading {} partition(s) of {} from the end", all.size(), topic);
            }
        } else {
            kafka.seekToBeginning(added);
        }
        // Resolve the positions now, so that "live" means what it says.
        all.forEach(kafka::position);
        assigned.clear();
        assigned.addAll(all);
        if (live && !added.isEmpty()) {
            log.info("reading {} new partition(s) of {}", added.size(), topic);
        }
        live = true;
        return true;
    }

    /**
     * Pure: where each partition starts on an instance's first assignment — the fleet's saved position when it lies
     * within the partition, but at most {@code maxReplay} records behind the end; the end otherwise.
     */
    static Map<TopicPartition, Long> startOffsets(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> beginnings,
                                                 Map<Integer, Long> saved, long maxReplay) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        ends.forEach((partition, end) -> {
            Long position = saved.get(partition.partition());
            long beginning = beginnings.getOrDefault(partition, 0L);
            boolean usable = position != null && position >= beginning && position <= end;
            starts.put(partition, usable ? Math.max(position, end - maxReplay) : end);
        });
        return starts;
    }

    /** Raises the fleet's positions to this instance's, for the partitions that moved since the last save. */
    private void savePositions(Consumer<String, byte[]> kafka, Set<TopicPartition> assigned) {
        Map<Integer, Long> moved = new HashMap<>();
        for (TopicPartition partition : assigned) {
            long position = kafka.position(partition);
            if (!Long.valueOf(position).equals(saved.get(partition.partition()))) {
                moved.put(partition.partition(), position);
            }
        }
        if (!moved.isEmpty()) {
            positions.save(topic, moved);
            saved.putAll(moved);
        }
    }

    /** Hands over one polled batch; by default record by record ({@link #deliver(ConsumerRecord)}). */
    protected void deliver(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() != null) {
                deliver(record);
            }
        }
    }

    /**
     * Handles one record (its value is never null) on the reading thread. Must not throw for a bad record and must
     * not block for long: a slow handler delays every tenant on this instance.
     */
    protected abstract void deliver(ConsumerRecord<String, byte[]> record);

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
