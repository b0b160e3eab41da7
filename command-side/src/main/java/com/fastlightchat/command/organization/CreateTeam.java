package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins create a team; team names are unique in the organization, ignoring case. */
public record CreateTeam(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by, TeamId teamId,
                         String name) {
}
