package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the API key and secret (owners only); the old pair stops working when the event is stored. */
public record RotateApiKey(@TargetAggregateIdentifier EnvironmentId environmentId, OrganizationId organizationId,
                           String apiKey, String apiSecretHash, Requester requester) {
}
