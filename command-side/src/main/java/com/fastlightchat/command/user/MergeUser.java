package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The anonymous user proved to be member {@code memberId}, whose user is {@code mergedInto}: the anonymous user
 * ends, and its chats move to the member's user.
 */
public record MergeUser(@TargetAggregateIdentifier UserId userId, OrganizationId organizationId,
                        EnvironmentId environmentId, UserId mergedInto, String memberId) {
}
