package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins remove their opening hours: the organization counts as always open. */
public record ClearOpeningHours(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by) {
}
