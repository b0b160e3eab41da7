package com.fastlightchat.command.organization;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursCleared;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.event.OrganizationEvent.RoutingConfigured;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamRenamed;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.command.RejectionMatchers.rejection;

class OrganizationTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final ActingAgent OWNER = new ActingAgent(ORG, new AgentId("ag_owner"), Role.OWNER);
    private static final ActingAgent ADMIN = new ActingAgent(ORG, new AgentId("ag_admin"), Role.ADMIN);
    private static final ActingAgent PLAIN_AGENT = new ActingAgent(ORG, new AgentId("ag_plain"), Role.AGENT);
    private static final ActingAgent OTHER_OWNER =
            new ActingAgent(new OrganizationId("org_2"), new AgentId("ag_x"), Role.OWNER);
    private static final OrganizationCreated CREATED = new OrganizationCreated(ORG, "Acme", OWNER.agentId());
    private static final TeamId BILLING = new TeamId("team_billing");
    private static final TeamId SALES = new TeamId("team_sales");
    private static final TeamCreated BILLING_CREATED = new TeamCreated(ORG, BILLING, "Billing", ADMIN.agentId());

    private AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
    }

    @Test
    void givenNothing_whenCreatingWithBlankName_thenInvalidOrganizationName() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrganization(ORG, "  ", OWNER.agentId()))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "organizationName"));
    }

    // --- rename

    @Test
    void givenOrganization_whenAdminRenamesIt_thenRenamedWithStrippedName() {
        fixture.given(CREATED)
                .when(new RenameOrganization(ORG, ADMIN, "  Acme Care "))
                .expectEvents(new OrganizationRenamed(ORG, "Acme Care"));
    }

    @Test
    void givenOrganization_whenOwnerRenamesItToItsName_thenNothingHappens() {
        fixture.given(CREATED)
                .when(new RenameOrganization(ORG, OWNER, "Acme"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOrganization_whenPlainAgentRenamesIt_thenForbidden() {
        fixture.given(CREATED)
                .when(new RenameOrganization(ORG, PLAIN_AGENT, "Mine now"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenOrganization_whenRenamedToTooLongName_thenInvalidName() {
        fixture.given(CREATED)
                .when(new RenameOrganization(ORG, OWNER, "x".repeat(101)))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "name"));
    }

    @Test
    void givenOrganization_whenOwnerOfAnotherRenamesIt_thenNotFound() {
        fixture.given(CREATED)
                .when(new RenameOrganization(ORG, OTHER_OWNER, "Taken over"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- teams

    @Test
    void givenOrganization_whenAdminCreatesTeam_thenTeamCreated() {
        fixture.given(CREATED)
                .when(new CreateTeam(ORG, ADMIN, BILLING, " Billing "))
                .expectEvents(BILLING_CREATED);
    }

    @Test
    void givenTeam_whenTheSameCreationIsRetried_thenNothingHappens() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new CreateTeam(ORG, ADMIN, BILLING, "Billing"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenTeamBilling_whenCreatingAnotherNamedBillingInOtherCase_thenConflictOnName() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new CreateTeam(ORG, ADMIN, SALES, "BILLING"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "name"));
    }

    @Test
    void givenOrganization_whenPlainAgentCreatesTeam_thenForbidden() {
        fixture.given(CREATED)
                .when(new CreateTeam(ORG, PLAIN_AGENT, BILLING, "Billing"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenOrganization_whenCreatingTeamWithBlankName_thenInvalidName() {
        fixture.given(CREATED)
                .when(new CreateTeam(ORG, ADMIN, BILLING, " "))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "name"));
    }

    @Test
    void givenTeam_whenAdminRenamesIt_thenTeamRenamed() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new RenameTeam(ORG, OWNER, BILLING, "Refunds"))
                .expectEvents(new TeamRenamed(ORG, BILLING, "Refunds", OWNER.agentId()));
    }

    @Test
    void givenTeam_whenRenamedToItsName_thenNothingHappens() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new RenameTeam(ORG, OWNER, BILLING, "Billing"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenTwoTeams_whenRenamingOneToTheOthersName_thenConflictOnName() {
        fixture.given(CREATED, BILLING_CREATED, new TeamCreated(ORG, SALES, "Sales", ADMIN.agentId()))
                .when(new RenameTeam(ORG, OWNER, SALES, "billing"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "name"));
    }

    @Test
    void givenOrganization_whenRenamingUnknownTeam_thenNotFound() {
        fixture.given(CREATED)
                .when(new RenameTeam(ORG, OWNER, SALES, "Sales"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenTeam_whenAdminDeletesIt_thenTeamDeleted() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new DeleteTeam(ORG, ADMIN, BILLING))
                .expectEvents(new TeamDeleted(ORG, BILLING, ADMIN.agentId()));
    }

    @Test
    void givenDeletedTeam_whenDeletedAgain_thenNothingHappens() {
        fixture.given(CREATED, BILLING_CREATED, new TeamDeleted(ORG, BILLING, ADMIN.agentId()))
                .when(new DeleteTeam(ORG, ADMIN, BILLING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenDeletedTeam_whenRenamed_thenNotFound() {
        fixture.given(CREATED, BILLING_CREATED, new TeamDeleted(ORG, BILLING, ADMIN.agentId()))
                .when(new RenameTeam(ORG, ADMIN, BILLING, "Back"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenOrganization_whenDeletingUnknownTeam_thenNotFound() {
        fixture.given(CREATED)
                .when(new DeleteTeam(ORG, ADMIN, SALES))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenTeam_whenPlainAgentDeletesIt_thenForbidden() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new DeleteTeam(ORG, PLAIN_AGENT, BILLING))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    // --- routing settings

    @Test
    void givenOrganization_whenAdminTurnsOnAutoAssignmentForATeam_thenRoutingConfigured() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new ConfigureRouting(ORG, ADMIN, true, BILLING))
                .expectEvents(new RoutingConfigured(ORG, true, BILLING, ADMIN.agentId()));
    }

    @Test
    void givenRoutingConfigured_whenConfiguredTheSameAgain_thenNothingHappens() {
        fixture.given(CREATED, BILLING_CREATED, new RoutingConfigured(ORG, true, BILLING, OWNER.agentId()))
                .when(new ConfigureRouting(ORG, ADMIN, true, BILLING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenNewOrganization_whenAutoAssignmentTurnedOff_thenNothingHappens() {
        fixture.given(CREATED)
                .when(new ConfigureRouting(ORG, OWNER, false, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenDefaultTeamDeleted_whenConfiguredForAnyAgent_thenNothingHappens() {
        fixture.given(CREATED, BILLING_CREATED, new RoutingConfigured(ORG, true, BILLING, OWNER.agentId()),
                        new TeamDeleted(ORG, BILLING, OWNER.agentId()))
                .when(new ConfigureRouting(ORG, OWNER, true, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOrganization_whenDefaultTeamIsUnknown_thenInvalidDefaultTeamId() {
        fixture.given(CREATED, BILLING_CREATED)
                .when(new ConfigureRouting(ORG, OWNER, true, SALES))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "defaultTeamId"));
    }

    @Test
    void givenOrganization_whenPlainAgentConfiguresRouting_thenForbidden() {
        fixture.given(CREATED)
                .when(new ConfigureRouting(ORG, PLAIN_AGENT, true, null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenOrganization_whenOwnerOfAnotherOrganizationConfiguresRouting_thenNotFound() {
        fixture.given(CREATED)
                .when(new ConfigureRouting(ORG, OTHER_OWNER, true, null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- opening hours

    private static final OpeningHours WEEKDAYS = new OpeningHours("Europe/Berlin", List.of(
            new OpeningHours.Period(DayOfWeek.MONDAY, "09:00", "12:00"),
            new OpeningHours.Period(DayOfWeek.MONDAY, "13:00", "24:00")));

    @Test
    void givenOrganization_whenAdminSetsUnsortedOpeningHours_thenSetSortedAndTheSameAgainChangesNothing() {
        OpeningHours unsorted = new OpeningHours(" Europe/Berlin ", List.of(WEEKDAYS.periods().get(1),
                WEEKDAYS.periods().get(0)));
        fixture.given(CREATED)
                .when(new SetOpeningHours(ORG, ADMIN, unsorted))
                .expectEvents(new OpeningHoursSet(ORG, WEEKDAYS, ADMIN.agentId()));
        fixture.given(CREATED, new OpeningHoursSet(ORG, WEEKDAYS, ADMIN.agentId()))
                .when(new SetOpeningHours(ORG, OWNER, unsorted))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOpeningHours_whenCleared_thenClearedOnceOnly() {
        fixture.given(CREATED, new OpeningHoursSet(ORG, WEEKDAYS, ADMIN.agentId()))
                .when(new ClearOpeningHours(ORG, OWNER))
                .expectEvents(new OpeningHoursCleared(ORG, OWNER.agentId()));
        fixture.given(CREATED)
                .when(new ClearOpeningHours(ORG, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOrganization_whenPlainAgentSetsOpeningHours_thenForbidden() {
        fixture.given(CREATED)
                .when(new SetOpeningHours(ORG, PLAIN_AGENT, WEEKDAYS))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenBadOpeningHours_whenSet_thenInvalidNamingTheField() {
        var monday = DayOfWeek.MONDAY;
        Map<String, OpeningHours> cases = new LinkedHashMap<>();
        cases.put("timeZone", new OpeningHours("Mars/Olympus", WEEKDAYS.periods()));
        cases.put("timeZone ", new OpeningHours("+02:00", WEEKDAYS.periods()));
        cases.put("periods", new OpeningHours("UTC", List.of()));
        cases.put("periods[0].from", new OpeningHours("UTC", List.of(new OpeningHours.Period(monday, "9", "17:00"))));
        cases.put("periods[0].to", new OpeningHours("UTC", List.of(new OpeningHours.Period(monday, "09:00", "24:30"))));
        cases.put("periods[0].to ", new OpeningHours("UTC", List.of(new OpeningHours.Period(monday, "17:00", "09:00"))));
        cases.put("periods[1].day", new OpeningHours("UTC", List.of(new OpeningHours.Period(monday, "09:00", "10:00"),
                new OpeningHours.Period(null, "09:00", "10:00"))));
        cases.put("periods ", new OpeningHours("UTC", List.of(new OpeningHours.Period(monday, "09:00", "12:00"),
                new OpeningHours.Period(monday, "11:00", "13:00"))));
        cases.forEach((field, hours) -> fixture.given(CREATED)
                .when(new SetOpeningHours(ORG, OWNER, hours))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, field.strip())));
    }
}
