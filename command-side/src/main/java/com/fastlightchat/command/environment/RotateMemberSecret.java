package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the member secret (owners only); member hashes signed with the old one stop verifying at once. */
public record RotateMemberSecret(@TargetAggregateIdentifier EnvironmentId environmentId,
                                 OrganizationId organizationId, String memberSecret, Requester requester) {
}
