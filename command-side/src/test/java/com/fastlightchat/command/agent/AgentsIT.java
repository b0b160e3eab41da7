package com.fastlightchat.command.agent;

import com.fastlightchat.command.CommandSideTesting;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent administration on real PostgreSQL and Kafka: invitations, tokens, roles, deactivation, the last-owner rule,
 * tenant isolation and input validation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentsIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(AgentsIT.class);
    static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
    }

    /** A logged-in agent. */
    record Session(String agentId, String login, String accessToken, String refreshToken) {
        Map<String, String> bearer() {
            return Map.of("Authorization", "Bearer " + accessToken);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Session owner;

    @BeforeEach
    void signUp() throws Exception {
        owner = signUpOrganization("Acme");
    }

    @Test
    void givenInvitation_whenAcceptedThenLoggedInAndRefreshed_thenAgentWorksWithBothTokens() throws Exception {
        String login = uniqueLogin("ada");
        JsonNode invited = call("POST", "/v1/agents", owner.bearer(),
                Map.of("email", login, "name", "Ada Agent", "role", "agent"), 201);
        String token = invited.get("invitationToken").asString();
        assertThat(token).startsWith("inv_");
        assertThat(jdbc.sql("select count(*) from agent_invitations where token_hash = :token")
                .param("token", token).query(Long.class).single()).as("the token is stored only hashed").isZero();
        call("POST", "/v1/auth/login", Map.of(), Map.of("login", login, "password", PASSWORD), 401);

        JsonNode accepted = call("POST", "/v1/agents/invitations/accept", Map.of(),
                Map.of("token", token, "password", PASSWORD), 200);
        assertThat(accepted.get("agentId").asString()).isEqualTo(invited.get("agentId").asString());
        call("POST", "/v1/agents/invitations/accept", Map.of(), Map.of("token", token, "password", PASSWORD), 422);

        Session ada = login(login, PASSWORD);
        assertThat(ada.agentId()).isEqualTo(invited.get("agentId").asString());
        call("PUT", "/v1/agents/me/presence", ada.bearer(), Map.of("presence", "online"), 204);

        JsonNode refreshed = call("POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", ada.refreshToken()),
                200);
        assertThat(refreshed.get("role").asString()).isEqualTo("AGENT");
        var renewed = Map.of("Authorization", "Bearer " + refreshed.get("accessToken").asString());
        call("PUT", "/v1/agents/me/presence", renewed, Map.of("presence", "away"), 204);
        call("POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", ada.accessToken()), 401);

        call("PUT", "/v1/agents/me/password", ada.bearer(),
                Map.of("currentPassword", "wrong password!", "newPassword", "a brand new passphrase"), 422);
        call("PUT", "/v1/agents/me/password", ada.bearer(),
                Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"), 204);
        login(login, "a brand new passphrase");
    }

    @Test
    void givenRoles_whenAgentInvitesOrAdminCreatesOwnerOrChangesRole_thenForbidden() throws Exception {
        Session admin = invitedAndLoggedIn(owner, "admin");
        Session agent = invitedAndLoggedIn(owner, "agent");

        call("POST", "/v1/agents", agent.bearer(), Map.of("email", uniqueLogin("x"), "role", "agent"), 403);
        call("POST", "/v1/agents", admin.bearer(), Map.of("email", uniqueLogin("x"), "role", "owner"), 403);
        call("PUT", "/v1/agents/" + agent.agentId() + "/role", admin.bearer(), Map.of("role", "admin"), 403);
        call("PUT", "/v1/agents/" + agent.agentId() + "/capacity", agent.bearer(),
                Map.of("maxConcurrentChats", 3), 403);
        call("POST", "/v1/agents/" + owner.agentId() + "/deactivation", admin.bearer(), null, 403);
        call("PUT", "/v1/organization/name", agent.bearer(), Map.of("name", "Agent Inc"), 403);
        call("POST", "/v1/teams", agent.bearer(), Map.of("name", "Rogue"), 403);

        call("POST", "/v1/agents", admin.bearer(), Map.of("email", uniqueLogin("y"), "role", "admin"), 201);
        call("PUT", "/v1/agents/" + agent.agentId() + "/capacity", admin.bearer(),
                Map.of("maxConcurrentChats", 3), 204);
        call("PUT", "/v1/agents/" + agent.agentId() + "/role", owner.bearer(), Map.of("role", "admin"), 204);
        // the promoted agent's old token names the old role, so it stops working; a refresh carries the new one
        call("PUT", "/v1/agents/me/presence", agent.bearer(), Map.of("presence", "online"), 401);
        JsonNode refreshed = call("POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", agent.refreshToken()),
                200);
        assertThat(refreshed.get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void givenLoggedInAgent_whenDeactivated_thenTheirTokensAndPasswordStopWorkingAtOnce() throws Exception {
        Session agent = invitedAndLoggedIn(owner, "agent");
        call("PUT", "/v1/agents/me/presence", agent.bearer(), Map.of("presence", "online"), 204);

        call("POST", "/v1/agents/" + agent.agentId() + "/deactivation", owner.bearer(), null, 204);

        JsonNode refused = call("PUT", "/v1/agents/me/presence", agent.bearer(), Map.of("presence", "away"), 401);
        assertThat(refused.get("type").asString()).endsWith("/unauthenticated");
        call("POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", agent.refreshToken()), 401);
        call("POST", "/v1/auth/login", Map.of(), Map.of("login", agent.login(), "password", PASSWORD), 401);
        call("POST", "/v1/agents/" + agent.agentId() + "/deactivation", owner.bearer(), null, 204);
        assertThat(eventTypes(agent.agentId())).containsSubsequence("AgentPresenceChanged", "AgentPresenceChanged",
                "AgentDeactivated").endsWith("AgentDeactivated");
    }

    @Test
    void givenSoleOwner_whenDemotedOrDeactivated_thenConflictUntilThereIsAnotherOwner() throws Exception {
        JsonNode demote = call("PUT", "/v1/agents/" + owner.agentId() + "/role", owner.bearer(),
                Map.of("role", "admin"), 409);
        assertThat(demote.get("errors").get(0).get("field").asString()).isEqualTo("role");
        call("POST", "/v1/agents/" + owner.agentId() + "/deactivation", owner.bearer(), null, 409);
        assertThat(ownerCount()).isEqualTo(1);

        Session second = invitedAndLoggedIn(owner, "owner");
        assertThat(ownerCount()).isEqualTo(2);
        call("PUT", "/v1/agents/" + owner.agentId() + "/role", owner.bearer(), Map.of("role", "admin"), 204);
        assertThat(ownerCount()).isEqualTo(1);
        call("POST", "/v1/agents/" + second.agentId() + "/deactivation", second.bearer(), null, 409);
        call("PUT", "/v1/agents/" + second.agentId() + "/role", second.bearer(), Map.of("role", "agent"), 409);
        assertThat(ownerCount()).isEqualTo(1);
    }

    @Test
    void givenAgentOfAnotherOrganization_whenCallingEveryAgentEndpoint_thenNotFound() throws Exception {
        Session agent = invitedAndLoggedIn(owner, "agent");
        Session stranger = signUpOrganization("Other");
        String foreign = "/v1/agents/" + agent.agentId();
        long before = eventCount();

        call("PUT", foreign + "/role", stranger.bearer(), Map.of("role", "admin"), 404);
        call("POST", foreign + "/deactivation", stranger.bearer(), null, 404);
        call("PUT", foreign + "/capacity", stranger.bearer(), Map.of("maxConcurrentChats", 5), 404);
        call("PUT", foreign + "/teams", stranger.bearer(), Map.of("teamIds", List.of()), 404);
        call("PUT", "/v1/agents/ag_doesnotexist/capacity", stranger.bearer(), Map.of("maxConcurrentChats", 5), 404);

        String teamId = call("POST", "/v1/teams", owner.bearer(), Map.of("name", "Billing"), 201)
                .get("teamId").asString();
        long afterTeam = eventCount();
        call("PUT", "/v1/teams/" + teamId + "/name", stranger.bearer(), Map.of("name", "Mine"), 404);
        call("DELETE", "/v1/teams/" + teamId, stranger.bearer(), null, 404);
        Session strangerAgent = invitedAndLoggedIn(stranger, "agent");
        long beforeForeignTeam = eventCount();
        JsonNode foreignTeam = call("PUT", "/v1/agents/" + strangerAgent.agentId() + "/teams", stranger.bearer(),
                Map.of("teamIds", List.of(teamId)), 422);
        assertThat(foreignTeam.get("errors").get(0).get("field").asString()).isEqualTo("teamIds");
        assertThat(afterTeam).isEqualTo(before + 1);
        assertThat(eventCount()).isEqualTo(beforeForeignTeam);
    }

    @Test
    void givenTeams_whenAdminManagesThemAndMembership_thenEventsRecorded() throws Exception {
        Session agent = invitedAndLoggedIn(owner, "agent");
        String billing = call("POST", "/v1/teams", owner.bearer(), Map.of("name", "Billing"), 201)
                .get("teamId").asString();
        String sales = call("POST", "/v1/teams", owner.bearer(), Map.of("name", "Sales"), 201)
                .get("teamId").asString();
        call("POST", "/v1/teams", owner.bearer(), Map.of("name", "billing"), 409);
        call("PUT", "/v1/teams/" + sales + "/name", owner.bearer(), Map.of("name", "Sales EMEA"), 204);
        call("PUT", "/v1/organization/name", owner.bearer(), Map.of("name", "Acme Care"), 204);

        call("PUT", "/v1/agents/" + agent.agentId() + "/teams", owner.bearer(),
                Map.of("teamIds", List.of(billing, sales)), 204);
        call("PUT", "/v1/agents/" + agent.agentId() + "/teams", owner.bearer(),
                Map.of("teamIds", List.of(sales, billing)), 204);
        call("DELETE", "/v1/teams/" + billing, owner.bearer(), null, 204);
        call("DELETE", "/v1/teams/" + billing, owner.bearer(), null, 204);
        call("PUT", "/v1/agents/" + agent.agentId() + "/teams", owner.bearer(),
                Map.of("teamIds", List.of(billing)), 422);

        assertThat(eventTypes(agent.agentId())).containsOnlyOnce("AgentTeamsChanged");
        assertThat(eventTypes(billing)).isEmpty();
        assertThat(jdbc.sql("select count(*) from teams where team_id in (:ids)").param("ids", List.of(billing, sales))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void givenBadInput_whenCallingAgentEndpoints_thenProblemNamesTheFieldAndNothingIsWritten() throws Exception {
        Session agent = invitedAndLoggedIn(owner, "agent");
        String path = "/v1/agents/" + agent.agentId();
        long before = eventCount();

        assertField(call("POST", "/v1/agents", owner.bearer(), Map.of("email", "not-an-email", "role", "agent"), 422),
                "email");
        assertField(call("POST", "/v1/agents", owner.bearer(), Map.of("email", uniqueLogin("z"), "role", "king"),
                400), "role");
        assertField(call("POST", "/v1/agents", owner.bearer(), Map.of("email", agent.login(), "role", "agent"), 409),
                "email");
        assertField(call("PUT", path + "/capacity", owner.bearer(), Map.of("maxConcurrentChats", 101), 400),
                "maxConcurrentChats");
        assertField(call("PUT", path + "/capacity", owner.bearer(), Map.of(), 400), "maxConcurrentChats");
        assertField(call("PUT", path + "/role", owner.bearer(), Map.of("role", ""), 400), "role");
        assertField(call("PUT", "/v1/agents/bad id!/capacity".replace(" ", "%20"), owner.bearer(),
                Map.of("maxConcurrentChats", 1), 400), "agentId");
        assertField(call("PUT", path + "/teams", owner.bearer(), Map.of("teamIds", List.of("no such team")), 400),
                "teamIds");
        assertField(call("PUT", path + "/teams", owner.bearer(), Map.of("teamIds", List.of("team_unknown")), 422),
                "teamIds");
        assertField(call("PUT", "/v1/agents/me/presence", agent.bearer(), Map.of("presence", "busy"), 400),
                "presence");
        assertField(call("PUT", "/v1/agents/me/password", agent.bearer(),
                Map.of("currentPassword", PASSWORD, "newPassword", "too short"), 400), "newPassword");
        assertField(call("POST", "/v1/agents/invitations/accept", Map.of(),
                Map.of("token", "inv_forged", "password", PASSWORD), 422), "token");
        assertField(call("PUT", "/v1/organization/name", owner.bearer(), Map.of("name", " "), 400), "name");
        assertField(call("POST", "/v1/teams", owner.bearer(), Map.of("name", "x".repeat(101)), 400), "name");
        call("PUT", "/v1/agents/me/presence", Map.of(), Map.of("presence", "online"), 401);
        call("POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", "not.a.token"), 401);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void givenOwner_whenSettingOpeningHours_thenRecordedOnceClearedAndBadInputNamesTheField() throws Exception {
        Session agent = invitedAndLoggedIn(owner, "agent");
        Map<String, Object> hours = Map.of("timeZone", "Europe/Berlin", "periods", List.of(
                Map.of("day", "friday", "from", "09:00", "to", "17:00"),
                Map.of("day", "MONDAY", "from", "08:30", "to", "24:00")));
        long before = eventCount();

        call("PUT", "/v1/organization/opening-hours", owner.bearer(), hours, 204);
        call("PUT", "/v1/organization/opening-hours", owner.bearer(), hours, 204);
        assertThat(eventCount()).as("the same hours again change nothing").isEqualTo(before + 1);
        call("PUT", "/v1/organization/opening-hours", agent.bearer(), hours, 403);
        assertField(call("PUT", "/v1/organization/opening-hours", owner.bearer(), Map.of("timeZone", "Nowhere/City",
                "periods", hours.get("periods")), 422), "timeZone");
        assertField(call("PUT", "/v1/organization/opening-hours", owner.bearer(), Map.of("timeZone", "UTC",
                "periods", List.of(Map.of("day", "someday", "from", "09:00", "to", "10:00"))), 422), "periods[0].day");
        assertField(call("PUT", "/v1/organization/opening-hours", owner.bearer(), Map.of("timeZone", "UTC"), 422),
                "periods");
        assertThat(eventCount()).isEqualTo(before + 1);
        call("DELETE", "/v1/organization/opening-hours", owner.bearer(), null, 204);
        call("DELETE", "/v1/organization/opening-hours", owner.bearer(), null, 204);

        String organizationId = jdbc.sql("select organization_id from agent_logins where agent_id = :agent")
                .param("agent", owner.agentId()).query(String.class).single();
        assertThat(eventTypes(organizationId)).containsSubsequence("OpeningHoursSet", "OpeningHoursCleared")
                .containsOnlyOnce("OpeningHoursSet", "OpeningHoursCleared");
    }

    private Session signUpOrganization(String name) throws Exception {
        String login = uniqueLogin("owner");
        JsonNode result = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", name, "ownerEmail", login,
                "ownerName", "Olivia Owner", "ownerPassword", PASSWORD), 201);
        Session session = login(login, PASSWORD);
        assertThat(session.agentId()).isEqualTo(result.get("ownerAgentId").asString());
        return session;
    }

    private Session invitedAndLoggedIn(Session inviter, String role) throws Exception {
        String login = uniqueLogin(role);
        String token = call("POST", "/v1/agents", inviter.bearer(), Map.of("email", login, "role", role), 201)
                .get("invitationToken").asString();
        call("POST", "/v1/agents/invitations/accept", Map.of(), Map.of("token", token, "password", PASSWORD), 200);
        return login(login, PASSWORD);
    }

    private Session login(String login, String password) throws Exception {
        JsonNode token = call("POST", "/v1/auth/login", Map.of(), Map.of("login", login, "password", password), 200);
        return new Session(token.get("agentId").asString(), login, token.get("accessToken").asString(),
                token.get("refreshToken").asString());
    }

    private static String uniqueLogin(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@acme.test";
    }

    private long ownerCount() {
        return jdbc.sql("select active_owners from organization_owner_counts o join agent_logins a "
                        + "on a.organization_id = o.organization_id where a.agent_id = :agent")
                .param("agent", owner.agentId()).query(Long.class).single();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = :id "
                        + "order by sequence_number")
                .param("id", aggregateId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1))
                .toList();
    }

    private static void assertField(JsonNode problem, String field) {
        assertThat(problem.get("errors").get(0).get("field").asString()).as(problem.toString()).startsWith(field);
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expectedStatus)
            throws Exception {
        return CommandSideTesting.call(port, method, path, headers, body, expectedStatus);
    }
}
