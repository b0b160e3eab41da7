package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;

/** Events of the organization (tenant) aggregate. */
public sealed interface OrganizationEvent extends DomainEvent {

    @Override
    default String aggregateId() {
        return organizationId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.ORGANIZATION;
    }

    @EventType(name = "organization.created", version = 1)
    record OrganizationCreated(OrganizationId organizationId, String name, AgentId ownerAgentId)
            implements OrganizationEvent {
    }

    @EventType(name = "organization.renamed", version = 1)
    record OrganizationRenamed(OrganizationId organizationId, String name) implements OrganizationEvent {
    }
}
