package com.fastlightchat.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.query.DirectoryStory.id;
import static com.fastlightchat.query.QueryTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory on real Kafka, PostgreSQL and the Mongo wire server: the organization with its teams, agents with
 * status, presence, capacity, load and teams, user search and user chats, tenant isolation and bad input. Every event
 * is published twice (a redelivery) and nothing changes for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(DirectoryIT.class);
    static final String SECRET = "directory-integration-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DirectoryStory A = DirectoryStory.tenant("org_dir_a");
    static final DirectoryStory B = DirectoryStory.tenant("org_dir_b");
    static final DirectoryStory CAROLS = new DirectoryStory(A.organizationId());

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
    }

    @BeforeAll
    static void publish() {
        for (int i = 1; i <= 5; i++) {
            CAROLS.booted(id("usr_carol" + i, A)).profile(id("usr_carol" + i, A), "Carol " + i, null, null);
        }
        for (DirectoryStory story : List.of(A, B, CAROLS, A)) {
            story.events().forEach(SUPPORT::publish);
        }
    }

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenTenant_whenAgentReadsOrganizationAndAgents_thenTeamsRolesStatusPresenceCapacityLoadAndTeamsShow()
            throws Exception {
        awaitDirectory(A);
        var agent = agent(A, id("ag_amy", A), "AGENT");

        JsonNode organization = json(get("/v1/organization", agent), 200);
        assertThat(organization.get("name").asString()).isEqualTo("Acme Inc");
        assertThat(organization.get("teams").findValuesAsString("name")).containsExactly("Customer Support", "Sales");

        JsonNode agents = json(get("/v1/agents", agent), 200).get("agents");
        assertThat(agents.findValuesAsString("agentId")).containsExactly(
                id("ag_amy", A), id("ag_dora", A), id("ag_ivan", A), id("ag_owner", A));
        JsonNode owner = json(get("/v1/agents/" + id("ag_owner", A), agent), 200);
        assertThat(owner.get("role").asString()).isEqualTo("owner");
        assertThat(owner.get("status").asString()).isEqualTo("active");
        assertThat(owner.get("presence").asString()).isEqualTo("online");
        assertThat(owner.get("capacity").asInt()).isEqualTo(10);
        assertThat(owner.get("load").asLong()).isEqualTo(2);
        assertThat(owner.get("teamIds").valueStream().map(JsonNode::asString)).containsExactly(id("team_support", A));
        assertThat(owner.get("login").asString()).isEqualTo(id("ag_owner", A) + "@example.com");
        assertThat(owner.has("passwordHash")).isFalse();
        JsonNode amy = json(get("/v1/agents/" + id("ag_amy", A), agent), 200);
        assertThat(amy.get("name").asString()).isEqualTo("Amy Agent");
        assertThat(amy.get("status").asString()).isEqualTo("active");
        assertThat(amy.get("presence").asString()).isEqualTo("away");
        assertThat(amy.get("capacity").asInt()).isEqualTo(3);
        assertThat(amy.get("load").asLong()).isEqualTo(2);
        JsonNode ivan = json(get("/v1/agents/" + id("ag_ivan", A), agent), 200);
        assertThat(ivan.get("status").asString()).isEqualTo("invited");
        assertThat(ivan.get("role").asString()).isEqualTo("admin");
        assertThat(ivan.get("load").asLong()).isZero();
        JsonNode dora = json(get("/v1/agents/" + id("ag_dora", A), agent), 200);
        assertThat(dora.get("status").asString()).isEqualTo("deactivated");
        assertThat(dora.get("role").asString()).isEqualTo("admin");
        assertThat(dora.get("presence").asString()).isEqualTo("offline");
    }

    @Test
    void givenUsers_whenSearching_thenByNamePrefixEmailOrMemberIdIgnoringCaseMergedLeftOutAndPaged() throws Exception {
        awaitDirectory(A);
        var agent = agent(A, id("ag_amy", A), "AGENT");
        String alice = id("usr_alice", A);

        assertThat(search("ali", agent)).containsExactly(alice);
        assertThat(search("ALICE s", agent)).containsExactly(alice);
        assertThat(search("alice@EXAMPLE.com", agent)).containsExactly(alice);
        assertThat(search("m-100", agent)).containsExactly(alice);
        assertThat(search("smith", agent)).isEmpty();
        assertThat(search("M-1", agent)).isEmpty();
        assertThat(search(".*", agent)).isEmpty();
        assertThat(search("", agent)).hasSize(7).doesNotContain(id("usr_anon", A)).isSorted();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(get("/v1/users?query=carol&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    agent), 200);
            page.get("users").forEach(user -> paged.add(user.get("userId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly(id("usr_carol1", A), id("usr_carol2", A), id("usr_carol3", A),
                id("usr_carol4", A), id("usr_carol5", A));
    }

    @Test
    void givenMergedAnonymousUser_whenReadingMemberAndChats_thenProfileAttributesAndEveryChatWithItsInboxRow()
            throws Exception {
        awaitDirectory(A);
        var agent = agent(A, id("ag_owner", A), "OWNER");

        JsonNode alice = json(get("/v1/users/" + id("usr_alice", A), agent), 200);
        assertThat(alice.get("name").asString()).isEqualTo("Alice Smith");
        assertThat(alice.get("email").asString()).isEqualTo("Alice@Example.com");
        assertThat(alice.get("phone").asString()).isEqualTo("+1 555 0100");
        assertThat(alice.get("memberId").asString()).isEqualTo("M-100");
        assertThat(alice.get("environmentId").asString()).isEqualTo("env_" + A.organizationId());
        assertThat(alice.get("attributes").get("plan").asString()).isEqualTo("pro");
        assertThat(alice.get("attributes").get("seats").asLong()).isEqualTo(5);
        assertThat(alice.get("attributes").get("vip").asBoolean()).isTrue();
        assertThat(alice.get("createdAt").asString()).isNotBlank();
        JsonNode anon = json(get("/v1/users/" + id("usr_anon", A), agent), 200);
        assertThat(anon.get("mergedInto").asString()).isEqualTo(id("usr_alice", A));
        assertThat(anon.get("chatIds").size()).isZero();

        JsonNode chats = json(get("/v1/users/" + id("usr_alice", A) + "/chats", agent), 200).get("chats");
        assertThat(chats.valueStream().map(chat -> chat.get("chatId").asString()))
                .containsExactlyInAnyOrder(id("ch_1", A), id("ch_2", A), id("ch_4", A));
        chats.forEach(chat -> assertThat(chat.get("chat").get("userId").asString()).isEqualTo(id("usr_alice", A)));
    }

    @Test
    void givenAgentOfAnotherOrganization_whenReadingTheDirectory_thenNothingOfTheOtherTenantAndItsIds404()
            throws Exception {
        awaitDirectory(A);
        awaitDirectory(B);
        var agentOfB = agent(B, id("ag_owner", B), "OWNER");

        assertThat(json(get("/v1/organization", agentOfB), 200).get("organizationId").asString())
                .isEqualTo(B.organizationId());
        assertThat(json(get("/v1/agents", agentOfB), 200).get("agents").findValuesAsString("organizationId"))
                .hasSize(4).containsOnly(B.organizationId());
        assertThat(json(get("/v1/users", agentOfB), 200).get("users").findValuesAsString("organizationId"))
                .hasSize(2).containsOnly(B.organizationId());
        assertThat(search("ali", agentOfB)).containsExactly(id("usr_alice", B));
        for (String path : List.of("/v1/agents/" + id("ag_owner", A), "/v1/users/" + id("usr_alice", A),
                "/v1/users/" + id("usr_alice", A) + "/chats")) {
            assertThat(get(path, agentOfB).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/v1/organization", agent(new DirectoryStory("org_dir_none"), "ag_x", "OWNER")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void givenBadInput_whenQuerying_thenProblemNamesTheFieldAndNoTokenIs401() throws Exception {
        var agent = agent(A, id("ag_amy", A), "AGENT");
        assertField(get("/v1/users?limit=0", agent), 422, "limit");
        assertField(get("/v1/users?limit=101", agent), 422, "limit");
        assertField(get("/v1/users?cursor=%21%21", agent), 422, "cursor");
        assertField(get("/v1/users?query=" + "x".repeat(201), agent), 422, "query");
        assertField(get("/v1/agents/bad%20id", agent), 400, "agentId");
        assertField(get("/v1/users/bad%20id", agent), 400, "userId");
        for (String path : List.of("/v1/organization", "/v1/agents", "/v1/users")) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(401);
        }
    }

    /** Waits until every event of the tenant shows in the directory's answers. */
    private void awaitDirectory(DirectoryStory tenant) {
        var agent = agent(tenant, id("ag_owner", tenant), "OWNER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> organization = get("/v1/organization", agent);
            assertThat(organization.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(organization.body()).get("teams").size()).isEqualTo(2);
            HttpResponse<String> amy = get("/v1/agents/" + id("ag_amy", tenant), agent);
            assertThat(amy.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(amy.body()).get("load").asLong()).isEqualTo(2);
            HttpResponse<String> dora = get("/v1/agents/" + id("ag_dora", tenant), agent);
            assertThat(dora.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(dora.body()).get("status").asString()).isEqualTo("deactivated");
            HttpResponse<String> owner = get("/v1/agents/" + id("ag_owner", tenant), agent);
            assertThat(JSON.readTree(owner.body()).get("load").asLong()).isEqualTo(2);
            HttpResponse<String> chats = get("/v1/users/" + id("usr_alice", tenant) + "/chats", agent);
            assertThat(chats.statusCode()).isEqualTo(200);
            JsonNode rows = JSON.readTree(chats.body()).get("chats");
            assertThat(rows.size()).isEqualTo(3);
            rows.forEach(row -> assertThat(row.get("chat").isNull()).isFalse());
            HttpResponse<String> anon = get("/v1/users/" + id("usr_anon", tenant), agent);
            assertThat(JSON.readTree(anon.body()).get("mergedInto").isNull()).isFalse();
            if (tenant == A) {
                assertThat(search("carol", agent)).hasSize(5);
            }
        });
    }

    private List<String> search(String query, Map<String, String> agent) throws Exception {
        JsonNode page = json(get("/v1/users?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), agent), 200);
        return page.get("users").findValuesAsString("userId");
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        JsonNode problem = json(response, status);
        assertThat(problem.toString()).contains("\"" + field + "\"");
    }

    private static Map<String, String> agent(DirectoryStory tenant, String agentId, String role) {
        return SUPPORT.agent(tenant.organizationId(), agentId, role);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return QueryTestSupport.get(port, path, headers);
    }
}
