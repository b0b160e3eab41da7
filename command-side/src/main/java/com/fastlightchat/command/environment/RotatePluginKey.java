package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the plugin key (owners only); the old key stops working when the event is stored. */
public record RotatePluginKey(@TargetAggregateIdentifier EnvironmentId environmentId, OrganizationId organizationId,
                              String pluginKey, Requester requester) {
}
