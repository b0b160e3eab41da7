package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;

/** Events of an end user: a visitor or member of the customer's site, seen through the SDK. */
public sealed interface UserEvent extends DomainEvent {

    UserId userId();

    @Override
    default String aggregateId() {
        return userId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.USER;
    }

    /** An anonymous visitor booted the SDK; {@code veilId} is the id the SDK keeps on the device. */
    @EventType(name = "user.booted", version = 1)
    record UserBooted(OrganizationId organizationId, UserId userId, EnvironmentId environmentId, String veilId)
            implements UserEvent {
    }
}
