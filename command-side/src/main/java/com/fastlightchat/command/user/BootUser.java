package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers the user of a device's veil id. With a {@code memberId} (whose member hash the caller has verified)
 * the new user is that member from the start.
 */
public record BootUser(@TargetAggregateIdentifier UserId userId, OrganizationId organizationId,
                       EnvironmentId environmentId, String veilId, String memberId) {

    /** An anonymous visitor. */
    public BootUser(UserId userId, OrganizationId organizationId, EnvironmentId environmentId, String veilId) {
        this(userId, organizationId, environmentId, veilId, null);
    }
}
