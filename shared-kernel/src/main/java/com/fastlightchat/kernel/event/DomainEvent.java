package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.OrganizationId;

/** Every event of every aggregate. Each belongs to exactly one tenant. */
public sealed interface DomainEvent
        permits OrganizationEvent, EnvironmentEvent, AgentEvent, UserEvent, ChatEvent {

    OrganizationId organizationId();

    /** The id of the aggregate that emitted the event; also its Kafka key. */
    String aggregateId();

    /** The aggregate type, as in {@link AggregateType}. */
    AggregateType aggregateType();
}
