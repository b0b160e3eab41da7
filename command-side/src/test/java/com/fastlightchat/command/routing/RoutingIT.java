package com.fastlightchat.command.routing;

import com.fastlightchat.command.CommandSideTesting;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automatic assignment on real PostgreSQL and Kafka, driven through the REST API: round-robin within capacity, the
 * waiting queue, re-queueing when an agent goes offline, team routing and tenant isolation. Outcomes are awaited
 * on the chats' events in the event store (the routing process runs asynchronously on its tracking processor).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(RoutingIT.class);
    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
    }

    /** A signed-up organization: its owner's bearer header and its plugin key. */
    record Tenant(String ownerAgentId, Map<String, String> owner, String pluginKey) {
    }

    /** A logged-in agent. */
    record Agent(String agentId, Map<String, String> bearer) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processors;

    Tenant acme;
    Tenant other;

    @BeforeEach
    void signUp() throws Exception {
        acme = signUp("Acme");
        other = signUp("Other");
    }

    @Test
    void givenThreeAgentsOfCapacityOne_whenFiveChatsOpen_thenRoundRobinQueueAndRequeueOnOffline() throws Exception {
        List<Agent> agents = List.of(onlineAgent(acme, 1), onlineAgent(acme, 1), onlineAgent(acme, 1));
        Agent stranger = onlineAgent(other, 10);
        call("PUT", "/v1/organization/routing", acme.owner(), Map.of("autoAssign", true), 204);
        long configured = eventCount();
        call("PUT", "/v1/organization/routing", acme.owner(), Map.of("autoAssign", true), 204);
        assertThat(eventCount()).as("the same settings again: no event").isEqualTo(configured);

        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chats.add(openChatAsUser(acme));
            String chat = chats.getLast();
            await().atMost(PATIENCE).until(() -> types(chat).contains("chat.queued"));
        }
        await().atMost(PATIENCE).until(() -> chats.subList(0, 3).stream().allMatch(chat -> assignee(chat).isPresent()));
        List<String> firstThree = chats.subList(0, 3).stream().map(chat -> assignee(chat).orElseThrow()).toList();
        assertThat(firstThree).as("one each: never served and equally loaded, so in id order")
                .containsExactlyElementsOf(agents.stream().map(Agent::agentId).sorted().toList());
        Map<String, Agent> byId = new HashMap<>();
        agents.forEach(agent -> byId.put(agent.agentId(), agent));
        Agent first = byId.get(firstThree.get(0));
        Agent second = byId.get(firstThree.get(1));
        Agent third = byId.get(firstThree.get(2));
        for (String chat : chats.subList(0, 3)) {
            JsonNode assigned = last(chat, "chat.assigned");
            assertThat(assigned.get("reason").asString()).isEqualTo("AUTO_ROUND_ROBIN");
            assertThat(assigned.get("assignedBy").get("kind").asString()).isEqualTo("SYSTEM");
            assertThat(last(chat, "chat.queued").get("reason").asString()).isEqualTo("CHAT_OPENED");
        }
        assertThat(types(chats.get(3))).as("everyone is full: it waits").containsExactly("chat.opened", "chat.queued");
        assertThat(types(chats.get(4))).containsExactly("chat.opened", "chat.queued");

        call("POST", "/v1/chats/" + chats.get(0) + "/close", first.bearer(), null, 200);
        await().atMost(PATIENCE).until(() -> assignee(chats.get(3)).isPresent());
        assertThat(assignee(chats.get(3))).as("the oldest waiting chat goes to the agent who freed up")
                .hasValue(first.agentId());
        assertThat(assignee(chats.get(4))).isEmpty();

        call("PUT", "/v1/agents/me/presence", second.bearer(), Map.of("presence", "offline"), 204);
        await().atMost(PATIENCE).until(() -> types(chats.get(1)).getLast().equals("chat.queued"));
        assertThat(types(chats.get(1))).containsExactly("chat.opened", "chat.queued", "chat.assigned",
                "chat.unassigned", "chat.queued");
        assertThat(last(chats.get(1), "chat.unassigned").get("reason").asString()).isEqualTo("REQUEUED");
        assertThat(last(chats.get(1), "chat.queued").get("reason").asString()).isEqualTo("AGENT_UNAVAILABLE");

        call("POST", "/v1/chats/" + chats.get(2) + "/close", third.bearer(), null, 200);
        await().atMost(PATIENCE).until(() -> assignee(chats.get(4)).isPresent());
        assertThat(assignee(chats.get(4))).as("first come, first served").hasValue(third.agentId());
        assertThat(assignee(chats.get(1))).isEmpty();

        call("PUT", "/v1/agents/" + first.agentId() + "/capacity", acme.owner(), Map.of("maxConcurrentChats", 2), 204);
        await().atMost(PATIENCE).until(() -> assignee(chats.get(1)).isPresent());
        assertThat(assignee(chats.get(1))).as("re-queued chat reassigned once someone has room")
                .hasValue(first.agentId());

        for (String chat : chats) {
            assertThat(events(chat)).filteredOn(event -> event.get("type").asString().equals("chat.assigned"))
                    .allSatisfy(event -> assertThat(event.get("agentId").asString()).isNotEqualTo(stranger.agentId()));
        }
        assertThat(types(chats.get(3))).as("never assigned twice").containsOnlyOnce("chat.assigned");
    }

    @Test
    void givenTeamRouting_whenChatsAreQueuedForTheTeam_thenOnlyItsMembersArePicked() throws Exception {
        Agent member = onlineAgent(acme, 5);
        Agent outsider = onlineAgent(acme, 5);
        String team = call("POST", "/v1/teams", acme.owner(), Map.of("name", "Billing"), 201).get("teamId").asString();
        call("PUT", "/v1/agents/" + member.agentId() + "/teams", acme.owner(), Map.of("teamIds", List.of(team)), 204);

        String requested = openChatAsUser(acme);
        assertThat(types(requested)).as("automatic assignment is off by default").containsExactly("chat.opened");
        JsonNode receipt = call("POST", "/v1/chats/" + requested + "/auto-assignment", outsider.bearer(),
                Map.of("teamId", team), 200);
        assertThat(receipt.get("sequence").asLong()).isEqualTo(2);
        assertThat(last(requested, "chat.queued").get("reason").asString()).isEqualTo("REQUESTED");
        await().atMost(PATIENCE).until(() -> assignee(requested).isPresent());
        assertThat(assignee(requested)).hasValue(member.agentId());
        assertThat(last(requested, "chat.assigned").get("teamId").asString()).isEqualTo(team);
        call("POST", "/v1/chats/" + requested + "/auto-assignment", outsider.bearer(), Map.of("teamId", team), 200);
        assertThat(types(requested)).as("already assigned: no-op").containsOnlyOnce("chat.queued");

        call("PUT", "/v1/organization/routing", acme.owner(), Map.of("autoAssign", true, "defaultTeamId", team), 204);
        List<String> chats = List.of(openChatAsUser(acme), openChatAsUser(acme), openChatAsUser(acme));
        await().atMost(PATIENCE).until(() -> chats.stream().allMatch(chat -> assignee(chat).isPresent()));
        assertThat(chats).allSatisfy(chat -> assertThat(assignee(chat)).hasValue(member.agentId()));
        assertThat(events(requested).getFirst().get("type").asString()).isEqualTo("chat.opened");
    }

    @Test
    void givenBadCallers_whenConfiguringOrRequesting_thenProblemsAndNothingWritten() throws Exception {
        Agent agent = onlineAgent(acme, 1);
        String chat = openChatAsUser(acme);
        String foreignTeam = call("POST", "/v1/teams", other.owner(), Map.of("name", "Theirs"), 201)
                .get("teamId").asString();
        long before = eventCount();

        call("PUT", "/v1/organization/routing", agent.bearer(), Map.of("autoAssign", true), 403);
        assertField(call("PUT", "/v1/organization/routing", acme.owner(), Map.of(), 400), "autoAssign");
        assertField(call("PUT", "/v1/organization/routing", acme.owner(),
                Map.of("autoAssign", true, "defaultTeamId", "not a team"), 400), "defaultTeamId");
        assertField(call("PUT", "/v1/organization/routing", acme.owner(),
                Map.of("autoAssign", true, "defaultTeamId", foreignTeam), 422), "defaultTeamId");
        call("PUT", "/v1/organization/routing", Map.of(), Map.of("autoAssign", true), 401);
        assertField(call("POST", "/v1/chats/" + chat + "/auto-assignment", agent.bearer(),
                Map.of("teamId", foreignTeam), 422), "teamId");
        call("POST", "/v1/chats/" + chat + "/auto-assignment", other.owner(), Map.of(), 404);
        assertThat(eventCount()).isEqualTo(before);

        call("POST", "/v1/chats/" + chat + "/close", agent.bearer(), null, 200);
        call("POST", "/v1/chats/" + chat + "/auto-assignment", agent.bearer(), Map.of(), 409);
        assertThat(types(chat)).containsExactly("chat.opened", "chat.closed");
    }

    @Test
    void givenRoutedChats_whenTheRoutingProcessorReplays_thenItsTablesComeBackAlikeAndNoCommandIsSent()
            throws Exception {
        List<Agent> agents = List.of(onlineAgent(acme, 1), onlineAgent(acme, 1));
        call("PUT", "/v1/organization/routing", acme.owner(), Map.of("autoAssign", true), 204);
        List<String> chats = List.of(openChatAsUser(acme), openChatAsUser(acme), openChatAsUser(acme));
        await().atMost(PATIENCE).until(() -> chats.stream().filter(chat -> assignee(chat).isPresent()).count() == 2
                && types(chats.get(2)).contains("chat.queued"));
        String waiting = chats.stream().filter(chat -> assignee(chat).isEmpty()).findFirst().orElseThrow();
        TrackingEventProcessor routing = processors.eventProcessor(RoutingProcess.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        // the snapshot must be taken once routing has applied every event, including the ChatAssigned events its
        // own commands caused; otherwise the replay legitimately ends further than the snapshot
        await().atMost(PATIENCE).until(() -> routingTablesCaughtUp(waiting) && caughtUp(routing));
        String organization = jdbc.sql("select organization_id from agent_logins where agent_id = :id")
                .param("id", acme.ownerAgentId()).query(String.class).single();
        List<String> before = settled(organization);
        long events = eventCount();

        routing.shutDown();
        routing.resetTokens();
        routing.start();
        await().atMost(PATIENCE).until(() -> !routing.isReplaying() && caughtUp(routing));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(routingTables(organization)).isEqualTo(before));
        assertThat(eventCount()).as("a replay decides nothing anew").isEqualTo(events);

        String freed = chats.stream().filter(chat -> !chat.equals(waiting)).findFirst().orElseThrow();
        String freedAgent = assignee(freed).orElseThrow();
        call("POST", "/v1/chats/" + freed + "/close", agents.get(0).bearer(), null, 200);
        await().atMost(PATIENCE).until(() -> assignee(waiting).isPresent());
        assertThat(assignee(waiting)).hasValue(freedAgent);
    }

    // --- helpers

    private Tenant signUp(String name) throws Exception {
        String login = uniqueLogin("owner");
        JsonNode result = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", name, "ownerEmail", login,
                "ownerPassword", PASSWORD), 201);
        return new Tenant(result.get("ownerAgentId").asString(), login(login).bearer(),
                result.get("pluginKey").asString());
    }

    /** A new agent of the tenant, logged in, online, with the given capacity. */
    private Agent onlineAgent(Tenant tenant, int capacity) throws Exception {
        String login = uniqueLogin("agent");
        String token = call("POST", "/v1/agents", tenant.owner(), Map.of("email", login, "role", "agent"), 201)
                .get("invitationToken").asString();
        call("POST", "/v1/agents/invitations/accept", Map.of(), Map.of("token", token, "password", PASSWORD), 200);
        Agent agent = login(login);
        call("PUT", "/v1/agents/" + agent.agentId() + "/capacity", tenant.owner(),
                Map.of("maxConcurrentChats", capacity), 204);
        call("PUT", "/v1/agents/me/presence", agent.bearer(), Map.of("presence", "online"), 204);
        return agent;
    }

    private Agent login(String login) throws Exception {
        JsonNode token = call("POST", "/v1/auth/login", Map.of(), Map.of("login", login, "password", PASSWORD), 200);
        return new Agent(token.get("agentId").asString(),
                Map.of("Authorization", "Bearer " + token.get("accessToken").asString()));
    }

    /** A new anonymous visitor of the tenant opens a chat through the SDK. */
    private String openChatAsUser(Tenant tenant) throws Exception {
        JsonNode boot = call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", tenant.pluginKey()), Map.of(), 200);
        return call("POST", "/v1/sdk/chats", Map.of("X-Plugin-Key", tenant.pluginKey(),
                "X-User-Token", boot.get("userToken").asString()), null, 201).get("chatId").asString();
    }

    private static String uniqueLogin(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@acme.test";
    }

    /** The chat's events in order, each its payload with its {@code type} added. */
    private List<JsonNode> events(String chatId) {
        return jdbc.sql("select payload_type, payload from domain_event_entry where aggregate_identifier = :id "
                        + "order by sequence_number")
                .param("id", chatId)
                .query((rs, n) -> {
                    ObjectNode payload = (ObjectNode) JSON.readTree(rs.getBytes(2));
                    return (JsonNode) payload.put("type", EventTypes.typeOf(classFor(rs.getString(1))).name());
                })
                .list();
    }

    private List<String> types(String chatId) {
        return events(chatId).stream().map(event -> event.get("type").asString()).toList();
    }

    private JsonNode last(String chatId, String type) {
        return events(chatId).reversed().stream().filter(event -> event.get("type").asString().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError(chatId + " has no " + type));
    }

    /** The chat's agent now, from its events. */
    private Optional<String> assignee(String chatId) {
        String agent = null;
        for (JsonNode event : events(chatId)) {
            switch (event.get("type").asString()) {
                case "chat.assigned" -> agent = event.get("agentId").isNull() ? null : event.get("agentId").asString();
                case "chat.unassigned" -> agent = null;
                default -> { }
            }
        }
        return Optional.ofNullable(agent);
    }

    /** Routing has seen the waiting chat's {@code chat.queued} (it is in the queue). */
    private static boolean caughtUp(TrackingEventProcessor processor) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(segment -> segment.isCaughtUp());
    }

    /** The organization's routing rows once two reads in a row agree (nothing in flight). */
    private List<String> settled(String organization) {
        List<List<String>> last = new ArrayList<>(List.of(routingTables(organization)));
        await().atMost(PATIENCE).until(() -> {
            List<String> now = routingTables(organization);
            boolean stable = now.equals(last.getFirst());
            last.set(0, now);
            return stable;
        });
        return last.getFirst();
    }

    private boolean routingTablesCaughtUp(String waitingChat) {
        return jdbc.sql("select count(*) from routing_queue where chat_id = :chat").param("chat", waitingChat)
                .query(Long.class).single() == 1;
    }

    /** One organization's rows of the routing tables, as text, in a stable order. */
    private List<String> routingTables(String organization) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("routing_settings", "routing_agents", "routing_chats", "routing_queue")) {
            rows.addAll(jdbc.sql("select '" + table + "' || ': ' || t::text from " + table
                            + " t where organization_id = :org order by 1")
                    .param("org", organization).query(String.class).list());
        }
        return rows;
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static Class<?> classFor(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertField(JsonNode problem, String field) {
        assertThat(problem.get("errors").get(0).get("field").asString()).as(problem.toString()).isEqualTo(field);
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expectedStatus)
            throws Exception {
        return CommandSideTesting.call(port, method, path, headers, body, expectedStatus);
    }
}
