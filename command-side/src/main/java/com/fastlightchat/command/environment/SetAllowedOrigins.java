package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Replaces the web origins allowed to use the environment's plugin key (owners and admins); an empty list allows any
 * site. The origins are checked and normalized by the aggregate ({@link AllowedOrigins}).
 */
public record SetAllowedOrigins(@TargetAggregateIdentifier EnvironmentId environmentId, OrganizationId organizationId,
                                List<String> allowedOrigins, Requester requester) {
}
