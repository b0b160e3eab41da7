package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursCleared;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.event.OrganizationEvent.RoutingConfigured;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamRenamed;
import com.fastlightchat.kernel.id.TeamId;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of organization events for {@link EventSamples}: one fully populated instance per type and version. */
final class OrganizationSamples {

    static final TeamId TEAM = new TeamId("team_5b0e2f8c1d7a4e93b6c2a1f0d9e8c7b6");
    static final TeamId OTHER_TEAM = new TeamId("team_a3c9e1b7d5f24086a4c2e0b8d6f4a2c0");

    private OrganizationSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("organization.created", 1), new OrganizationCreated(ORGANIZATION, "Acme Support GmbH", AGENT));
        samples.put(key("organization.renamed", 1), new OrganizationRenamed(ORGANIZATION, "Acme Customer Care GmbH"));
        samples.put(key("organization.team-created", 1), new TeamCreated(ORGANIZATION, TEAM, "Billing", AGENT));
        samples.put(key("organization.team-renamed", 1), new TeamRenamed(ORGANIZATION, TEAM, "Billing & Refunds",
                AGENT));
        samples.put(key("organization.team-deleted", 1), new TeamDeleted(ORGANIZATION, TEAM, AGENT));
        samples.put(key("organization.routing-configured", 1), new RoutingConfigured(ORGANIZATION, true, TEAM, AGENT));
        samples.put(key("organization.opening-hours-set", 1), new OpeningHoursSet(ORGANIZATION,
                new OpeningHours("Europe/Berlin", List.of(
                        new OpeningHours.Period(DayOfWeek.MONDAY, "09:00", "17:30"),
                        new OpeningHours.Period(DayOfWeek.SATURDAY, "10:00", "14:00"))), AGENT));
        samples.put(key("organization.opening-hours-cleared", 1), new OpeningHoursCleared(ORGANIZATION, AGENT));
        return samples;
    }
}
