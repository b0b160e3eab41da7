package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;

/** Events of the organization (tenant) aggregate, including its teams. */
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

    /** A team names a group of agents (membership is on the agent: {@link AgentEvent.AgentTeamsChanged}). */
    @EventType(name = "organization.team-created", version = 1)
    record TeamCreated(OrganizationId organizationId, TeamId teamId, String name, AgentId createdBy)
            implements OrganizationEvent {
    }

    @EventType(name = "organization.team-renamed", version = 1)
    record TeamRenamed(OrganizationId organizationId, TeamId teamId, String name, AgentId renamedBy)
            implements OrganizationEvent {
    }

    /**
     * The team no longer exists: every agent's membership of it ends with this event, without an
     * {@link AgentEvent.AgentTeamsChanged} per member.
     */
    @EventType(name = "organization.team-deleted", version = 1)
    record TeamDeleted(OrganizationId organizationId, TeamId teamId, AgentId deletedBy) implements OrganizationEvent {
    }

    /**
     * How the organization's chats are routed from now on. With {@code autoAssign}, every chat an end user opens
     * (or that reopens without an agent) waits for the next free agent of {@code defaultTeamId}, or of the whole
     * organization when it is null (also once that team is deleted).
     */
    @EventType(name = "organization.routing-configured", version = 1)
    record RoutingConfigured(OrganizationId organizationId, boolean autoAssign, TeamId defaultTeamId,
                             AgentId configuredBy) implements OrganizationEvent {
    }

    /**
     * From now on the organization is open only during {@code openingHours} (replacing any earlier hours):
     * business-hours figures count only the time inside them.
     */
    @EventType(name = "organization.opening-hours-set", version = 1)
    record OpeningHoursSet(OrganizationId organizationId, OpeningHours openingHours, AgentId setBy)
            implements OrganizationEvent {
    }

    /** The organization no longer has opening hours: it counts as always open from now on. */
    @EventType(name = "organization.opening-hours-cleared", version = 1)
    record OpeningHoursCleared(OrganizationId organizationId, AgentId clearedBy) implements OrganizationEvent {
    }
}
