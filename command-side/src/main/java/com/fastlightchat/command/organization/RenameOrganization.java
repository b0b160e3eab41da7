package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins rename their organization. */
public record RenameOrganization(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by,
                                 String name) {
}
