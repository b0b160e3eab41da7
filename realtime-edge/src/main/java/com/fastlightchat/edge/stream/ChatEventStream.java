package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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

    private final List<ChatEventHandler> handlers;
    private final EnvelopeCodec codec;

    /**
     * @param consumers creates the consumer (configured without a group and without offset commits); called on the
     *                  stream's own thread, which is the only one that uses it
     * @param topic     the full, prefixed topic name
     * @param handlers  called in order for each event
     * @param positions the fleet's shared read positions ({@link TopicTail})
     * @param maxReplay most records per partition a starting instance reads behind the live end
     * @param codec     opens the personal data of events
     */
    public ChatEventStream(Supplier<Consumer<String, byte[]>> consumers, String topic, List<ChatEventHandler> handlers,
                           StreamPositions positions, long maxReplay, EnvelopeCodec codec) {
        super(consumers, topic, "chat-event-stream", positions, maxReplay);
        this.handlers = List.copyOf(handlers);
        this.codec = codec;
    }

    @Override
    protected void deliver(ConsumerRecord<String, byte[]> record) {
        StreamedEvent event = EventRecords.read(record.value(), codec).orElse(null);
        if (event == null) {
            log.warn("skipping malformed record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (!event.known()) {
            log.debug("unknown event type at {}-{}@{}, passed on as a placeholder", record.topic(),
                    record.partition(), record.offset());
        }
        for (ChatEventHandler handler : handlers) {
            try {
                handler.on(event);
            } catch (RuntimeException e) {
                log.error("handler {} failed on chat {} sequence {}", handler, event.chatId(), event.sequence(), e);
            }
        }
    }
}
