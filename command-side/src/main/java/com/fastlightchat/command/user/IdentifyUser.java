package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The anonymous user proved (by a verified member hash) to be member {@code memberId}, who has no user yet. */
public record IdentifyUser(@TargetAggregateIdentifier UserId userId, OrganizationId organizationId,
                           EnvironmentId environmentId, String memberId) {
}
