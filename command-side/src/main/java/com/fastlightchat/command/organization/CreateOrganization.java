package com.fastlightchat.command.organization;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateOrganization(@TargetAggregateIdentifier OrganizationId organizationId, String name,
                                 AgentId ownerAgentId) {
}
