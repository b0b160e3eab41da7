package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.envelope.MalformedEventException;
import com.fastlightchat.kernel.envelope.UnknownEventTypeException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the agent event topic ({@link TopicTail}: every partition, from where the fleet left off, no group) and
 * hands every agent event to the {@link AgentEventHandler}s. Agent events carry no client-visible sequence, so events
 * of a type this build does not know are skipped, as are malformed records.
 */
public final class AgentEventStream extends TopicTail {

    private static final Logger log = LoggerFactory.getLogger(AgentEventStream.class);

    private final List<AgentEventHandler> handlers;

    public AgentEventStream(Supplier<Consumer<String, byte[]>> consumers, String topic,
                            List<AgentEventHandler> handlers, StreamPositions positions, long maxReplay) {
        super(consumers, topic, "agent-event-stream", positions, maxReplay);
        this.handlers = List.copyOf(handlers);
    }

    @Override
    protected void deliver(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (UnknownEventTypeException e) {
            return;
        } catch (MalformedEventException e) {
            log.warn("skipping malformed record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (!"agent".equals(event.aggregateType())) {
            return;
        }
        for (AgentEventHandler handler : handlers) {
            try {
                handler.on(event);
            } catch (RuntimeException e) {
                log.error("handler {} failed on agent event {}", handler, event.eventId(), e);
            }
        }
    }
}
