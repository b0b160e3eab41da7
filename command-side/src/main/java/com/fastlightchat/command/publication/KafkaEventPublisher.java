package com.fastlightchat.command.publication;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.platform.ActorMetadata;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.topic.Topics;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event in the event store to Kafka, at least once and in store order. It runs in a tracking
 * processor (its position is a token in PostgreSQL), so it starts from the first stored event, survives
 * restarts, and when Kafka is down it fails, backs off and retries the same event: commands go on succeeding and
 * publication catches up when the broker is back. Each send waits for the broker's acknowledgement before the
 * next event, which keeps per-aggregate order; consumers drop the duplicates a retry can cause by event id. End
 * users' personal data is sealed with their keys ({@link EnvelopeCodec#sealing}): Kafka never holds it in plain text.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publication";

    private final KafkaTemplate<String, byte[]> kafka;
    private final CommandSideProperties properties;
    private final EnvelopeCodec codec;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, CommandSideProperties properties,
                               EnvelopeCodec codec) {
        this.kafka = kafka;
        this.properties = properties;
        this.codec = codec;
    }

    @EventHandler
    void on(DomainEvent event, EventMessage<?> message) throws InterruptedException, ExecutionException, TimeoutException {
        if (!(message instanceof DomainEventMessage<?> domainMessage)) {
            return;
        }
        EventEnvelope envelope = EventEnvelope.of(message.getIdentifier(), domainMessage.getSequenceNumber() + 1,
                message.getTimestamp(), (String) message.getMetaData().get("correlationId"),
                (String) message.getMetaData().get("traceId"), event)
                .withActor((String) message.getMetaData().get(ActorMetadata.ACTOR));
        String topic = Topics.prefixed(properties.topicPrefix(), event.aggregateType().topic());
        kafka.send(topic, envelope.aggregateId(), codec.encode(envelope))
                .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
