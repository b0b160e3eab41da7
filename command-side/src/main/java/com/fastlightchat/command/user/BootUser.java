package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record BootUser(@TargetAggregateIdentifier UserId userId, OrganizationId organizationId,
                       EnvironmentId environmentId, String veilId) {
}
