package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentCapacityChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationAccepted;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationIssued;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentRoleChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentTeamsChanged;
import com.fastlightchat.kernel.event.AgentEvent.Presence;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.fastlightchat.command.RejectionMatchers.rejection;

class AgentTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final OrganizationId OTHER_ORG = new OrganizationId("org_2");
    private static final AgentId AGENT = new AgentId("ag_1");
    private static final ActingAgent OWNER = new ActingAgent(ORG, new AgentId("ag_owner"), Role.OWNER);
    private static final ActingAgent ADMIN = new ActingAgent(ORG, new AgentId("ag_admin"), Role.ADMIN);
    private static final ActingAgent PLAIN_AGENT = new ActingAgent(ORG, new AgentId("ag_plain"), Role.AGENT);
    private static final ActingAgent SELF = new ActingAgent(ORG, AGENT, Role.AGENT);
    private static final ActingAgent OTHER_OWNER = new ActingAgent(OTHER_ORG, new AgentId("ag_x"), Role.OWNER);
    private static final PersonProfile PROFILE = new PersonProfile("Ada Agent", "ada@acme.test", null);
    private static final Instant EXPIRES = Instant.parse("2026-01-08T00:00:00Z");
    private static final AgentAdded ADDED = new AgentAdded(ORG, AGENT, "ada@acme.test", Role.AGENT, PROFILE);
    private static final AgentInvitationIssued INVITED =
            new AgentInvitationIssued(ORG, AGENT, ADMIN.agentId(), "hash-1", EXPIRES);
    private static final TeamId BILLING = new TeamId("team_billing");
    private static final TeamId SALES = new TeamId("team_sales");
    private static final TeamId SUPPORT = new TeamId("team_support");

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    private static InviteAgent invite(ActingAgent by, Role role, String login) {
        return new InviteAgent(AGENT, by, login, role, PROFILE, "hash-1", EXPIRES);
    }

    // --- invitation

    @Test
    void givenNothing_whenAdminInvitesAgent_thenAgentAddedAndInvitationIssued() {
        fixture.givenNoPriorActivity()
                .when(invite(ADMIN, Role.AGENT, " Ada@Acme.test "))
                .expectEvents(ADDED, INVITED);
    }

    @Test
    void givenNothing_whenOwnerInvitesOwner_thenOwnerAdded() {
        fixture.givenNoPriorActivity()
                .when(invite(OWNER, Role.OWNER, "ada@acme.test"))
                .expectEvents(new AgentAdded(ORG, AGENT, "ada@acme.test", Role.OWNER, PROFILE),
                        new AgentInvitationIssued(ORG, AGENT, OWNER.agentId(), "hash-1", EXPIRES));
    }

    @Test
    void givenNothing_whenAdminInvitesOwner_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(invite(ADMIN, Role.OWNER, "ada@acme.test"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenNothing_whenPlainAgentInvites_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(invite(PLAIN_AGENT, Role.AGENT, "ada@acme.test"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenNothing_whenInvitingWithoutEmailShape_thenInvalidEmail() {
        fixture.givenNoPriorActivity()
                .when(invite(ADMIN, Role.AGENT, "not-an-email"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "email"));
    }

    @Test
    void givenNothing_whenInvitingWithoutRole_thenInvalidRole() {
        fixture.givenNoPriorActivity()
                .when(invite(ADMIN, null, "ada@acme.test"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "role"));
    }

    @Test
    void givenOpenInvitation_whenAcceptedInTime_thenAcceptedAndPasswordSet() {
        fixture.given(ADDED, INVITED)
                .when(new AcceptInvitation(AGENT, "hash-1", "bcrypt-1", EXPIRES.minusSeconds(1)))
                .expectEvents(new AgentInvitationAccepted(ORG, AGENT), new AgentPasswordSet(ORG, AGENT, "bcrypt-1"));
    }

    @Test
    void givenOpenInvitation_whenAcceptedAfterExpiry_thenInvalidToken() {
        fixture.given(ADDED, INVITED)
                .when(new AcceptInvitation(AGENT, "hash-1", "bcrypt-1", EXPIRES))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "token"));
    }

    @Test
    void givenOpenInvitation_whenAcceptedWithAnotherToken_thenInvalidToken() {
        fixture.given(ADDED, INVITED)
                .when(new AcceptInvitation(AGENT, "hash-2", "bcrypt-1", EXPIRES.minusSeconds(1)))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "token"));
    }

    @Test
    void givenAcceptedInvitation_whenAcceptedAgain_thenInvalidToken() {
        fixture.given(ADDED, INVITED, new AgentInvitationAccepted(ORG, AGENT), new AgentPasswordSet(ORG, AGENT, "b"))
                .when(new AcceptInvitation(AGENT, "hash-1", "bcrypt-2", EXPIRES.minusSeconds(1)))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "token"));
    }

    @Test
    void givenDeactivatedInvitee_whenAccepting_thenInvalidToken() {
        fixture.given(ADDED, INVITED, new AgentDeactivated(ORG, AGENT, Role.AGENT, ADMIN.agentId()))
                .when(new AcceptInvitation(AGENT, "hash-1", "bcrypt-1", EXPIRES.minusSeconds(1)))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "token"));
    }

    // --- password

    @Test
    void givenAgent_whenSettingOwnPassword_thenPasswordSet() {
        fixture.given(ADDED)
                .when(new SetAgentPassword(AGENT, SELF, "bcrypt-new"))
                .expectEvents(new AgentPasswordSet(ORG, AGENT, "bcrypt-new"));
    }

    @Test
    void givenAgent_whenAnotherAgentSetsTheirPassword_thenForbidden() {
        fixture.given(ADDED)
                .when(new SetAgentPassword(AGENT, ADMIN, "bcrypt-new"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    // --- role

    @Test
    void givenAgent_whenOwnerMakesThemAdmin_thenRoleChanged() {
        fixture.given(ADDED)
                .when(new ChangeAgentRole(AGENT, OWNER, Role.ADMIN))
                .expectEvents(new AgentRoleChanged(ORG, AGENT, Role.AGENT, Role.ADMIN, OWNER.agentId()));
    }

    @Test
    void givenAgent_whenOwnerSetsTheSameRole_thenNothingHappens() {
        fixture.given(ADDED)
                .when(new ChangeAgentRole(AGENT, OWNER, Role.AGENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAgent_whenAdminChangesRole_thenForbidden() {
        fixture.given(ADDED)
                .when(new ChangeAgentRole(AGENT, ADMIN, Role.ADMIN))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenAgent_whenOwnerOfAnotherOrganizationChangesRole_thenNotFound() {
        fixture.given(ADDED)
                .when(new ChangeAgentRole(AGENT, OTHER_OWNER, Role.ADMIN))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenDeactivatedAgent_whenOwnerChangesRole_thenConflict() {
        fixture.given(ADDED, new AgentDeactivated(ORG, AGENT, Role.AGENT, OWNER.agentId()))
                .when(new ChangeAgentRole(AGENT, OWNER, Role.ADMIN))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "agentId"));
    }

    // --- deactivation

    @Test
    void givenOnlineAgent_whenAdminDeactivates_thenOfflineAndDeactivated() {
        fixture.given(ADDED, new AgentPresenceChanged(ORG, AGENT, Presence.ONLINE))
                .when(new DeactivateAgent(AGENT, ADMIN))
                .expectEvents(new AgentPresenceChanged(ORG, AGENT, Presence.OFFLINE),
                        new AgentDeactivated(ORG, AGENT, Role.AGENT, ADMIN.agentId()));
    }

    @Test
    void givenOfflineAgent_whenAdminDeactivates_thenOnlyDeactivated() {
        fixture.given(ADDED)
                .when(new DeactivateAgent(AGENT, ADMIN))
                .expectEvents(new AgentDeactivated(ORG, AGENT, Role.AGENT, ADMIN.agentId()));
    }

    @Test
    void givenDeactivatedAgent_whenDeactivatedAgain_thenNothingHappens() {
        fixture.given(ADDED, new AgentDeactivated(ORG, AGENT, Role.AGENT, ADMIN.agentId()))
                .when(new DeactivateAgent(AGENT, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOwnerAgent_whenAdminDeactivates_thenForbidden() {
        fixture.given(new AgentAdded(ORG, AGENT, "ada@acme.test", Role.OWNER, PROFILE))
                .when(new DeactivateAgent(AGENT, ADMIN))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenAgent_whenPlainAgentDeactivates_thenForbidden() {
        fixture.given(ADDED)
                .when(new DeactivateAgent(AGENT, PLAIN_AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenAgent_whenOwnerOfAnotherOrganizationDeactivates_thenNotFound() {
        fixture.given(ADDED)
                .when(new DeactivateAgent(AGENT, OTHER_OWNER))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- presence

    @Test
    void givenOfflineAgent_whenGoingOnline_thenPresenceChanged() {
        fixture.given(ADDED)
                .when(new ChangeAgentPresence(AGENT, SELF, Presence.ONLINE))
                .expectEvents(new AgentPresenceChanged(ORG, AGENT, Presence.ONLINE));
    }

    @Test
    void givenAwayAgent_whenGoingAwayAgain_thenNothingHappens() {
        fixture.given(ADDED, new AgentPresenceChanged(ORG, AGENT, Presence.AWAY))
                .when(new ChangeAgentPresence(AGENT, SELF, Presence.AWAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAgent_whenSomeoneElseSetsTheirPresence_thenForbidden() {
        fixture.given(ADDED)
                .when(new ChangeAgentPresence(AGENT, OWNER, Presence.ONLINE))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenAgent_whenPresenceMissing_thenInvalidPresence() {
        fixture.given(ADDED)
                .when(new ChangeAgentPresence(AGENT, SELF, null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "presence"));
    }

    // --- capacity

    @Test
    void givenAgent_whenAdminSetsCapacity_thenCapacityChanged() {
        fixture.given(ADDED)
                .when(new ChangeAgentCapacity(AGENT, ADMIN, 3))
                .expectEvents(new AgentCapacityChanged(ORG, AGENT, 3, ADMIN.agentId()));
    }

    @Test
    void givenAgentWithDefaultCapacity_whenSetToTheDefault_thenNothingHappens() {
        fixture.given(ADDED)
                .when(new ChangeAgentCapacity(AGENT, ADMIN, 10))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAgent_whenCapacityAbove100_thenInvalidCapacity() {
        fixture.given(ADDED)
                .when(new ChangeAgentCapacity(AGENT, ADMIN, 101))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "maxConcurrentChats"));
    }

    @Test
    void givenAgent_whenCapacityNegative_thenInvalidCapacity() {
        fixture.given(ADDED)
                .when(new ChangeAgentCapacity(AGENT, ADMIN, -1))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "maxConcurrentChats"));
    }

    @Test
    void givenAgent_whenPlainAgentSetsCapacity_thenForbidden() {
        fixture.given(ADDED)
                .when(new ChangeAgentCapacity(AGENT, PLAIN_AGENT, 3))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenAgent_whenOwnerOfAnotherOrganizationSetsCapacity_thenNotFound() {
        fixture.given(ADDED)
                .when(new ChangeAgentCapacity(AGENT, OTHER_OWNER, 3))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- teams

    @Test
    void givenAgentInBillingAndSales_whenSetToSalesAndSupport_thenJoinedSupportAndLeftBilling() {
        fixture.given(ADDED, new AgentTeamsChanged(ORG, AGENT, List.of(BILLING, SALES), List.of(BILLING, SALES),
                        List.of(), ADMIN.agentId()))
                .when(new ChangeAgentTeams(AGENT, OWNER, Set.of(SUPPORT, SALES)))
                .expectEvents(new AgentTeamsChanged(ORG, AGENT, List.of(SALES, SUPPORT), List.of(SUPPORT),
                        List.of(BILLING), OWNER.agentId()));
    }

    @Test
    void givenAgentInBilling_whenSetToBillingAgain_thenNothingHappens() {
        fixture.given(ADDED, new AgentTeamsChanged(ORG, AGENT, List.of(BILLING), List.of(BILLING), List.of(),
                        ADMIN.agentId()))
                .when(new ChangeAgentTeams(AGENT, ADMIN, Set.of(BILLING)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAgent_whenPlainAgentSetsTeams_thenForbidden() {
        fixture.given(ADDED)
                .when(new ChangeAgentTeams(AGENT, PLAIN_AGENT, Set.of(BILLING)))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenAgent_whenOwnerOfAnotherOrganizationSetsTeams_thenNotFound() {
        fixture.given(ADDED)
                .when(new ChangeAgentTeams(AGENT, OTHER_OWNER, Set.of()))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }
}
