package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;

import java.time.Instant;
import java.util.List;

/**
 * Events of an agent: a member of the support staff of one organization. An agent starts {@link Presence#OFFLINE},
 * with a capacity of {@link #DEFAULT_MAX_CONCURRENT_CHATS}, in no team, until events say otherwise.
 */
public sealed interface AgentEvent extends DomainEvent {

    /** The capacity of an agent for whom no {@link AgentCapacityChanged} was recorded. */
    int DEFAULT_MAX_CONCURRENT_CHATS = 10;

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

    enum Presence { ONLINE, AWAY, OFFLINE }

    /** The login is the e-mail address, kept out of {@code profile} because it identifies the account. */
    @EventType(name = "agent.added", version = 1)
    record AgentAdded(OrganizationId organizationId, AgentId agentId, String login, Role role, PersonProfile profile)
            implements AgentEvent {
    }

    /**
     * An invitation to set a password was issued to a newly added agent. Only a SHA-256 hash of the random
     * one-time token is recorded; the token itself is handed to the inviter once.
     */
    @EventType(name = "agent.invitation-issued", version = 1)
    record AgentInvitationIssued(OrganizationId organizationId, AgentId agentId, AgentId invitedBy, String tokenHash,
                                 Instant expiresAt) implements AgentEvent {
    }

    /** The invitee redeemed the invitation (followed by {@link AgentPasswordSet}); the token is spent. */
    @EventType(name = "agent.invitation-accepted", version = 1)
    record AgentInvitationAccepted(OrganizationId organizationId, AgentId agentId) implements AgentEvent {
    }

    /** Only a one-way password hash (bcrypt) is ever recorded. */
    @EventType(name = "agent.password-set", version = 1)
    record AgentPasswordSet(OrganizationId organizationId, AgentId agentId, String passwordHash) implements AgentEvent {
    }

    @EventType(name = "agent.role-changed", version = 1)
    record AgentRoleChanged(OrganizationId organizationId, AgentId agentId, Role previousRole, Role role,
                            AgentId changedBy) implements AgentEvent {
    }

    /**
     * The agent may no longer log in or act; their tokens stop working at once. {@code role} is the role they
     * held. Preceded by {@link AgentPresenceChanged} to offline when they were not offline.
     */
    @EventType(name = "agent.deactivated", version = 1)
    record AgentDeactivated(OrganizationId organizationId, AgentId agentId, Role role, AgentId deactivatedBy)
            implements AgentEvent {
    }

    @EventType(name = "agent.presence-changed", version = 1)
    record AgentPresenceChanged(OrganizationId organizationId, AgentId agentId, Presence presence)
            implements AgentEvent {
    }

    /** How many chats the agent may be assigned at once, 0 to 100 (0: none are routed to them). */
    @EventType(name = "agent.capacity-changed", version = 1)
    record AgentCapacityChanged(OrganizationId organizationId, AgentId agentId, int maxConcurrentChats,
                                AgentId changedBy) implements AgentEvent {
    }

    /**
     * The agent's team membership after the change ({@code teamIds}, sorted), and what changed: the teams
     * {@code joined} and {@code left}.
     */
    @EventType(name = "agent.teams-changed", version = 1)
    record AgentTeamsChanged(OrganizationId organizationId, AgentId agentId, List<TeamId> teamIds,
                             List<TeamId> joined, List<TeamId> left, AgentId changedBy) implements AgentEvent {
        public AgentTeamsChanged {
            teamIds = List.copyOf(teamIds);
            joined = List.copyOf(joined);
            left = List.copyOf(left);
        }
    }
}
