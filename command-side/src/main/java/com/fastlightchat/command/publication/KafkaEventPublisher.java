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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event in the event store to Kafka, at least once and in store order. It runs in a tracking
 * processor (its position is a token in PostgreSQL), so it starts from the first stored event, survives
 * restarts, and when Kafka is down it fails, backs off and retries: commands go on succeeding and publication
 * catches up when the broker is back. End users' personal data is sealed with their keys
 * ({@link EnvelopeCodec#sealing}): Kafka never holds it in plain text.
 *
 * <p>The processor hands over events in batches ({@code axon.eventhandling.processors.kafka-publication.batch-size});
 * every event of a batch is sent at once, in order, and the batch's token is stored only after the broker has
 * acknowledged all of them (the wait runs before the batch's transaction commits). The idempotent producer keeps
 * each partition's order while several sends are in flight. A failure rolls the batch back and it is sent again;
 * consumers drop the duplicates a retry can cause by event id.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publication";
    private static final String IN_FLIGHT = KafkaEventPublisher.class.getName() + ".inFlight";

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
        CompletableFuture<?> sent = kafka.send(topic, envelope.aggregateId(), codec.encode(envelope));
        if (CurrentUnitOfWork.isStarted()) {
            inFlight(CurrentUnitOfWork.get()).add(sent);
        } else {
            await(List.of(sent));
        }
    }

    /** The sends of the current batch; the first call registers the wait for all of them before the commit. */
    private List<CompletableFuture<?>> inFlight(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(IN_FLIGHT, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(batch -> {
                try {
                    await(sends);
                } catch (ExecutionException | TimeoutException e) {
                    throw new KafkaPublicationFailed(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaPublicationFailed(e);
                }
            });
            return sends;
        });
    }

    private void await(List<CompletableFuture<?>> sends)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The broker did not acknowledge every event of a batch in time: the batch is rolled back and retried. */
    static final class KafkaPublicationFailed extends RuntimeException {
        KafkaPublicationFailed(Exception cause) {
            super("events not acknowledged by Kafka: " + cause.getMessage(), cause);
        }
    }
}
