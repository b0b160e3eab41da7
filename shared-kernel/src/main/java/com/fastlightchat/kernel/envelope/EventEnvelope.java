package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventTypes;

import java.time.Instant;
import java.util.Objects;

/**
 * One published event with its technical metadata. {@code sequence} is the event's position in its aggregate,
 * starting at 1 and without gaps, so a consumer can tell a duplicate ({@code <=} what it has) from a gap.
 *
 * @param eventId        globally unique id; consumers use it (or aggregate id + sequence) to drop duplicates
 * @param type           the event's published name, e.g. {@code chat.message-posted}
 * @param version        the version of that name's shape
 * @param aggregateType  e.g. {@code chat}
 * @param aggregateId    also the Kafka key
 * @param sequence       1-based, gapless per aggregate
 * @param organizationId the tenant
 * @param occurredAt     when the fact was recorded
 * @param causationId    id of the message (command or event) that caused this one, if known
 * @param correlationId  id shared by everything one original request caused, if known
 * @param actor          who caused it ({@code agent:<id>}, {@code user:<id>}, {@code integration:<api key>}), or null
 *                       for the system (timers, processes); optional in the JSON
 * @param payload        the event itself
 */
public record EventEnvelope(String eventId, String type, int version, String aggregateType, String aggregateId,
                            long sequence, String organizationId, Instant occurredAt, String causationId,
                            String correlationId, String actor, DomainEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, got " + sequence);
        }
    }

    /** Wraps {@code event}, taking type, version, aggregate and tenant from the event itself. */
    public static EventEnvelope of(String eventId, long sequence, Instant occurredAt, String causationId,
                                   String correlationId, DomainEvent event) {
        var type = EventTypes.typeOf(event.getClass());
        return new EventEnvelope(eventId, type.name(), type.version(), event.aggregateType().wireName(),
                event.aggregateId(), sequence, event.organizationId().value(), occurredAt, causationId,
                correlationId, null, event);
    }

    /** The same envelope naming who caused the event. */
    public EventEnvelope withActor(String newActor) {
        return new EventEnvelope(eventId, type, version, aggregateType, aggregateId, sequence, organizationId,
                occurredAt, causationId, correlationId, newActor, payload);
    }

    /** The payload cast to the expected type. */
    public <T extends DomainEvent> T payloadAs(Class<T> type) {
        return type.cast(payload);
    }
}
