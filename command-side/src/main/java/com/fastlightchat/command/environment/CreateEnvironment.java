package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an environment (owners and admins); the caller generated the keys, hashed the API secret and generated
 * the member secret, which the environment stores encrypted and never puts in an event.
 */
public record CreateEnvironment(@TargetAggregateIdentifier EnvironmentId environmentId, OrganizationId organizationId,
                                String name, String pluginKey, String apiKey, String apiSecretHash,
                                String memberSecret, Requester requester) {
}
