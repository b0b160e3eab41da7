package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins set when their support is open (business-hours figures count only that time). */
public record SetOpeningHours(@TargetAggregateIdentifier OrganizationId organizationId, ActingAgent by,
                              OpeningHours openingHours) {
}
