package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the chat event topic ({@link TopicTail}: every partition, from where the fleet left off, no group) and
 * hands every event to the {@link ChatEventHandler}s.
 *
 * <p>Events of a type or version this build does not know (a newer producer) are passed on without their
 * payload, so that their sequence is not lost ({@link StreamedEvent}); malformed records are logged and skipped,
 * so that one bad record never stops the stream.
 */
public final class ChatEventStream extends TopicTail {

    private static final Logger log = LoggerFactory.getLogger(ChatEventStream.class);

    /**
     * How long a batch waits for keys it needs (a busy command side answers slowly) before its events go out as
     * placeholders: only a key service that stays away this long costs clients content.
     */
    static final Duration KEY_PATIENCE = Duration.ofSeconds(10);

    private final List<ChatEventHandler> handlers;
    private final EnvelopeCodec codec;
    private final CachingSubjectKeys keys;

    /**
     * @param consumers creates the consumer (configured without a group and without offset commits); called on the
     *                  stream's own thread, which is the only one that uses it
     * @param topic     the full, prefixed topic name
     * @param handlers  called in order for each event
     * @param positions the fleet's shared read positions ({@link TopicTail})
     * @param maxReplay most records per partition a starting instance reads behind the live end
     * @param codec     opens the personal data of events
     * @param keys      the keys {@code codec} opens with; those a batch needs are fetched together before it is read
     */
    public ChatEventStream(Supplier<Consumer<String, byte[]>> consumers, String topic, List<ChatEventHandler> handlers,
                           StreamPositions positions, long maxReplay, EnvelopeCodec codec, CachingSubjectKeys keys) {
        super(consumers, topic, "chat-event-stream", positions, maxReplay);
        this.handlers = List.copyOf(handlers);
        this.codec = codec;
        this.keys = keys;
    }

    /**
     * One polled batch: first the keys of every user with sealed data in it that this instance does not hold yet, in
     * one call (a batch that brings many new users waits once, not once per user), retried for up to
     * {@link #KEY_PATIENCE} (should it still fail, each event falls back to its own look-up, which fails fast after
     * a failure, and goes out as a placeholder); then the events are read and each handler gets
     * them all ({@link ChatEventHandler#onBatch}).
     */
    @Override
    protected void deliver(ConsumerRecords<String, byte[]> records) {
        prefetchKeys(records);
        List<StreamedEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() != null) {
                read(record).ifPresent(events::add);
            }
        }
        handOver(events);
    }

    private void handOver(List<StreamedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (ChatEventHandler handler : handlers) {
            try {
                handler.onBatch(events);
            } catch (RuntimeException e) {
                log.error("handler {} failed on a batch of {} events", handler, events.size(), e);
            }
        }
    }

    private void prefetchKeys(ConsumerRecords<String, byte[]> records) {
        Set<String> subjects = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() != null) {
                PersonalDataCipher.sealedSubjects(record.value(), subjects);
            }
        }
        if (subjects.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + KEY_PATIENCE.toNanos();
        long pauseMillis = 250;
        while (true) {
            try {
                keys.prefetch(subjects);
                return;
            } catch (KeysUnavailableException e) {
                if (System.nanoTime() + pauseMillis * 1_000_000 - deadline > 0 || !isRunning()) {
                    log.warn("keys of {} users could not be fetched ahead of a batch: {}", subjects.size(),
                            e.getMessage());
                    return;
                }
                log.debug("keys of {} users not fetched yet, retrying: {}", subjects.size(), e.getMessage());
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pauseMillis = Math.min(pauseMillis * 2, 2_000);
            }
        }
    }

    private Optional<StreamedEvent> read(ConsumerRecord<String, byte[]> record) {
        StreamedEvent event = EventRecords.read(record.value(), codec).orElse(null);
        if (event == null) {
            log.warn("skipping malformed record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (!event.known()) {
            log.debug("unknown event type at {}-{}@{}, passed on as a placeholder", record.topic(),
                    record.partition(), record.offset());
        }
        return Optional.of(event);
    }

    @Override
    protected void deliver(ConsumerRecord<String, byte[]> record) {
        read(record).ifPresent(event -> handOver(List.of(event)));
    }
}
