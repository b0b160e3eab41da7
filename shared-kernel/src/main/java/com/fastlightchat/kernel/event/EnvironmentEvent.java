package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;

/** Events of an environment: a deployment of the chat (e.g. production, staging) with its keys. */
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
}
