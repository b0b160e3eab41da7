package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;

/** Events of an agent: a member of the support staff of one organization. */
public sealed interface AgentEvent extends DomainEvent {

    AgentId agentId();

    @Override
    default String aggregateId() {
        return agentId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.AGENT;
    }

    enum Role { OWNER, ADMIN, AGENT }

    /** The login is the e-mail address, kept out of {@code profile} because it identifies the account. */
    @EventType(name = "agent.added", version = 1)
    record AgentAdded(OrganizationId organizationId, AgentId agentId, String login, Role role, PersonProfile profile)
            implements AgentEvent {
    }

    /** Only a one-way password hash (bcrypt) is ever recorded. */
    @EventType(name = "agent.password-set", version = 1)
    record AgentPasswordSet(OrganizationId organizationId, AgentId agentId, String passwordHash) implements AgentEvent {
    }
}
