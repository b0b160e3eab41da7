package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of organization events for {@link EventSamples}: one fully populated instance per type and version. */
final class OrganizationSamples {

    private OrganizationSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("organization.created", 1), new OrganizationCreated(ORGANIZATION, "Acme Support GmbH", AGENT));
        samples.put(key("organization.renamed", 1), new OrganizationRenamed(ORGANIZATION, "Acme Customer Care GmbH"));
        return samples;
    }
}
