package com.fastlightchat.command.user;

import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Changes part of a user's profile and custom attributes, as the user itself (SDK) or the customer's backend
 * (integration) asks; {@code organizationId} and {@code environmentId} are the caller's.
 *
 * @param profile    a {@code null} field stays as it is, a blank one is cleared
 * @param attributes keys to set; a {@code null} value removes the key; null or empty changes no attribute
 */
public record UpdateUserProfile(@TargetAggregateIdentifier UserId userId, OrganizationId organizationId,
                                EnvironmentId environmentId, PersonProfile profile, Map<String, Object> attributes) {

    /** The answer: whether anything changed (a repeated update changes nothing and records nothing). */
    public record Result(String userId, boolean changed) {
    }
}
