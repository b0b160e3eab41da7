package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentCapacityChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationAccepted;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationIssued;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentRoleChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentTeamsChanged;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.TeamId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;
import static com.fastlightchat.kernel.event.OrganizationSamples.OTHER_TEAM;
import static com.fastlightchat.kernel.event.OrganizationSamples.TEAM;

/** Samples of agent events for {@link EventSamples}: one fully populated instance per type and version. */
final class AgentSamples {

    /** The owner or admin who acted on {@link EventSamples#AGENT}. */
    static final AgentId ADMIN = new AgentId("ag_1c6f0e2d9b8a47c3a5e4d3c2b1a09f8e");

    static final TeamId FORMER_TEAM = new TeamId("team_0d4b8f2a6c1e45d9b3f7a2c6e0d4b8f2");

    private AgentSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("agent.added", 1), new AgentAdded(ORGANIZATION, AGENT, "maria.keller@acme.example",
                AgentEvent.Role.ADMIN, new PersonProfile("Maria Keller", "maria.keller@acme.example", "+49 30 901820")));
        samples.put(key("agent.invitation-issued", 1), new AgentInvitationIssued(ORGANIZATION, AGENT, ADMIN,
                "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d0f",
                Instant.parse("2025-03-21T09:26:53.640Z")));
        samples.put(key("agent.invitation-accepted", 1), new AgentInvitationAccepted(ORGANIZATION, AGENT));
        samples.put(key("agent.password-set", 1), new AgentPasswordSet(ORGANIZATION, AGENT,
                "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
        samples.put(key("agent.role-changed", 1), new AgentRoleChanged(ORGANIZATION, AGENT, AgentEvent.Role.AGENT,
                AgentEvent.Role.ADMIN, ADMIN));
        samples.put(key("agent.deactivated", 1), new AgentDeactivated(ORGANIZATION, AGENT, AgentEvent.Role.ADMIN,
                ADMIN));
        samples.put(key("agent.presence-changed", 1), new AgentPresenceChanged(ORGANIZATION, AGENT,
                AgentEvent.Presence.AWAY));
        samples.put(key("agent.capacity-changed", 1), new AgentCapacityChanged(ORGANIZATION, AGENT, 6, ADMIN));
        samples.put(key("agent.teams-changed", 1), new AgentTeamsChanged(ORGANIZATION, AGENT,
                List.of(OTHER_TEAM, TEAM), List.of(TEAM), List.of(FORMER_TEAM), ADMIN));
        return samples;
    }
}
