package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameTeam(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by, TeamId teamId,
                         String name) {
}
