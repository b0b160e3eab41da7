package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deleting a team ends every agent's membership of it; deleting it again changes nothing. */
public record DeleteTeam(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by, TeamId teamId) {
}
