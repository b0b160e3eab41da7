package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.MalformedEventException;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the user event topic ({@link TopicTail}: every partition, from the end, no group, so every instance hears
 * every erasure) and hands each {@link UserErased} to the {@link ErasureHandler}s: this instance stops using the
 * user's key and drops the recent-events windows of the user's chats. Nothing personal is opened here.
 */
public final class ErasureStream extends TopicTail {

    private static final Logger log = LoggerFactory.getLogger(ErasureStream.class);

    private final List<ErasureHandler> handlers;

    public ErasureStream(Supplier<Consumer<String, byte[]>> consumers, String topic, List<ErasureHandler> handlers,
                         StreamPositions positions, long maxReplay) {
        super(consumers, topic, "erasure-stream", positions, maxReplay);
        this.handlers = List.copyOf(handlers);
    }

    @Override
    protected void deliver(ConsumerRecord<String, byte[]> record) {
        UserErased erased;
        try {
            if (!(EventCodec.decode(record.value()).payload() instanceof UserErased event)) {
                return;
            }
            erased = event;
        } catch (MalformedEventException e) {
            return;
        }
        for (ErasureHandler handler : handlers) {
            try {
                handler.erased(erased);
            } catch (RuntimeException e) {
                log.error("handler {} failed on the erasure of {}", handler, erased.userId().value(), e);
            }
        }
    }
}
