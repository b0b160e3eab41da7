package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;

import java.util.List;

/**
 * Events of an environment: a deployment of the chat (e.g. production, staging) with its keys. No event ever
 * carries a clear secret: API secrets appear only as a one-way hash, the member secret only as a fingerprint.
 */
public sealed interface EnvironmentEvent extends DomainEvent {

    EnvironmentId environmentId();

    @Override
    default String aggregateId() {
        return environmentId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.ENVIRONMENT;
    }

    /**
     * The plugin key is public (it ships in the customer's page). The API secret is carried only as a
     * one-way hash; the clear secret is shown once to the caller and never stored.
     */
    @EventType(name = "environment.created", version = 1)
    record EnvironmentCreated(OrganizationId organizationId, EnvironmentId environmentId,
                              String name, String pluginKey, String apiKey, String apiSecretHash)
            implements EnvironmentEvent {
    }

    /**
     * A new member secret (which signs end users' member hashes) replaced any earlier one, which stops verifying at
     * once. The secret itself is kept encrypted by the command side only; {@code fingerprint} (the first 8 hex
     * digits of its SHA-256) lets an owner tell which secret is current.
     */
    @EventType(name = "environment.member-secret-issued", version = 1)
    record MemberSecretIssued(OrganizationId organizationId, EnvironmentId environmentId, String fingerprint,
                              Actor issuedBy) implements EnvironmentEvent {
    }

    /** A new API key and secret replaced {@code previousApiKey}, which stopped working at once. */
    @EventType(name = "environment.api-key-rotated", version = 1)
    record ApiKeyRotated(OrganizationId organizationId, EnvironmentId environmentId, String apiKey,
                         String apiSecretHash, String previousApiKey, Actor rotatedBy) implements EnvironmentEvent {
    }

    /** A new plugin key replaced {@code previousPluginKey}, which stopped working at once. */
    @EventType(name = "environment.plugin-key-rotated", version = 1)
    record PluginKeyRotated(OrganizationId organizationId, EnvironmentId environmentId, String pluginKey,
                            String previousPluginKey, Actor rotatedBy) implements EnvironmentEvent {
    }

    /**
     * The web origins (serialized as browsers send them in {@code Origin}: {@code scheme://host[:port]}, lower case,
     * no default port) whose pages may call the SDK API and open {@code /sdk} sockets with this environment's plugin
     * key now replaced the earlier set. An empty list lets any site embed the widget.
     */
    @EventType(name = "environment.allowed-origins-changed", version = 1)
    record AllowedOriginsChanged(OrganizationId organizationId, EnvironmentId environmentId,
                                 List<String> allowedOrigins, Actor changedBy) implements EnvironmentEvent {

        public AllowedOriginsChanged {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }
}
