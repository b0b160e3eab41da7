package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an environment; the caller generated the keys and hashed the secret. */
public record CreateEnvironment(@TargetAggregateIdentifier EnvironmentId environmentId, OrganizationId organizationId,
                                String name, String pluginKey, String apiKey, String apiSecretHash) {
}
