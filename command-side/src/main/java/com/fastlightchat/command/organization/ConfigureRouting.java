package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins turn automatic assignment on or off, for a default team (null: any agent). */
public record ConfigureRouting(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by,
                               boolean autoAssign, TeamId defaultTeamId) {
}
