package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.query.chat.ChatStory;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agents' inbox on real Kafka, PostgreSQL and the Mongo wire server: folders and counts, filters, cursor
 * pagination, unread counts, waiting and first response, internal notes for agents only, tenant isolation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(InboxIT.class);
    static final String SECRET = "inbox-integration-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final String ME = "ag_me";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
    }

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenChatsInEveryState_whenAgentBrowsesFolders_thenEachHoldsItsChatsNewestFirstAndCountsAgree() throws Exception {
        OrganizationId org = organization();
        ChatStory mine = story(org, "mine", 0).opened().userSays(id("m"), "help").assigned(ME, "team_1").tagged("vip");
        ChatStory unassigned = story(org, "unassigned", 1).opened().userSays(id("m"), "anyone?");
        ChatStory team = story(org, "team", 2).opened().assigned(null, "team_1");
        ChatStory snoozed = story(org, "snoozed", 3).opened().assigned("ag_other", null)
                .snoozed(T0.plus(Duration.ofDays(2)));
        ChatStory closed = story(org, "closed", 4).opened().userSays(id("m"), "thanks")
                .agentSays(ME, id("m"), "bye").closed();
        List<ChatStory> stories = List.of(mine, unassigned, team, snoozed, closed);
        stories.forEach(InboxIT::publish);
        stories.forEach(this::awaitApplied);
        var agent = agent(org, ME);

        assertThat(inbox("folder=all", agent)).containsExactly(
                closed.chatId(), snoozed.chatId(), team.chatId(), unassigned.chatId(), mine.chatId());
        assertThat(inbox("folder=mine", agent)).containsExactly(mine.chatId());
        assertThat(inbox("folder=unassigned", agent)).containsExactly(team.chatId(), unassigned.chatId());
        assertThat(inbox("folder=open", agent)).containsExactly(team.chatId(), unassigned.chatId(), mine.chatId());
        assertThat(inbox("folder=snoozed", agent)).containsExactly(snoozed.chatId());
        assertThat(inbox("folder=closed", agent)).containsExactly(closed.chatId());
        assertThat(inbox("folder=all&teamId=team_1", agent)).containsExactly(team.chatId(), mine.chatId());
        assertThat(inbox("folder=all&tag=vip", agent)).containsExactly(mine.chatId());
        assertThat(inbox("folder=all&assigneeId=ag_other", agent)).containsExactly(snoozed.chatId());
        assertThat(inbox("folder=mine", agent(org, "ag_other"))).isEmpty();

        JsonNode counts = json(get("/v1/inbox/counts", agent), 200);
        assertThat(counts.get("mine").asLong()).isEqualTo(1);
        assertThat(counts.get("unassigned").asLong()).isEqualTo(2);
        assertThat(counts.get("open").asLong()).isEqualTo(3);
        assertThat(counts.get("snoozed").asLong()).isEqualTo(1);
        assertThat(counts.get("closed").asLong()).isEqualTo(1);

        // recounting after a live event the edge delivered: as of at least that event, never before it
        unassigned.assigned(ME, null);
        publish(unassigned);
        JsonNode recounted = json(get("/v1/inbox/counts?chatId=" + unassigned.chatId() + "&awaitSequence="
                + unassigned.sequence(), agent), 200);
        assertThat(recounted.get("mine").asLong()).isEqualTo(2);
        assertThat(recounted.get("unassigned").asLong()).isEqualTo(1);
        assertThat(json(get("/v1/inbox/counts?awaitSequence=3", agent), 422).toString()).contains("chatId");
        assertThat(json(get("/v1/inbox/counts?chatId=not%20an%20id&awaitSequence=3", agent), 400).toString())
                .contains("chatId");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(get("/v1/inbox?folder=all&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), agent), 200);
            page.get("chats").forEach(chat -> paged.add(chat.get("chatId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(inbox("folder=all", agent));

        JsonNode snoozedRow = json(get("/v1/chats/" + snoozed.chatId(), agent), 200);
        assertThat(snoozedRow.get("state").asString()).isEqualTo("snoozed");
        assertThat(Instant.parse(snoozedRow.get("snoozedUntil").asString())).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(snoozedRow.get("assigneeId").asString()).isEqualTo("ag_other");
        JsonNode closedRow = json(get("/v1/chats/" + closed.chatId(), agent), 200);
        assertThat(closedRow.get("closedAt").asString()).isEqualTo(closedRow.get("lastActivityAt").asString());
        assertThat(closedRow.get("priority").asString()).isEqualTo("normal");
    }

    @Test
    void givenConversation_whenAgentsAndUserReadAndReply_thenUnreadWaitingAndFirstResponseFollowAndNotesStayInternal()
            throws Exception {
        OrganizationId org = organization();
        EnvironmentId environment = new EnvironmentId("env_" + org.value());
        String pluginKey = "pk_" + org.value();
        UserId user = new UserId("usr_" + org.value());
        SUPPORT.publish(EventEnvelope.of(UUID.randomUUID().toString(), 1, T0, null, null,
                new EnvironmentCreated(org, environment, "production", pluginKey, "ak_" + org.value(), "hash")));
        ChatStory chat = new ChatStory(org, environment, "ch_talk_" + org.value(), user, T0, Duration.ofSeconds(30))
                .opened()                                   // 1
                .userSays("m1_" + org.value(), "my order") // 2
                .userSays("m2_" + org.value(), "is late")  // 3
                .note(ME, "m3_" + org.value(), "check the warehouse") // 4
                .readByAgent("ag_someone", 2);              // 5
        publish(chat);
        awaitApplied(chat);
        var agent = agent(org, ME);

        JsonNode waiting = json(get("/v1/chats/" + chat.chatId(), agent), 200);
        assertThat(waiting.get("agentUnreadCount").asInt()).isEqualTo(1);
        assertThat(waiting.get("userUnreadCount").asInt()).isZero();
        assertThat(waiting.get("waitingSince").asString()).isEqualTo(waiting.get("openedAt").asString());
        assertThat(waiting.get("firstResponseAt").isNull()).isTrue();
        assertThat(waiting.get("lastMessage").get("text").asString()).isEqualTo("is late");

        chat.agentSays(ME, "m6_" + org.value(), "on its way")  // 6
                .agentSays(ME, "m7_" + org.value(), "tracking number follows") // 7
                .deleted("m7_" + org.value(), Actor.agent(ME));  // 8
        publish(chat);
        awaitApplied(chat);
        JsonNode answered = json(get("/v1/chats/" + chat.chatId(), agent), 200);
        assertThat(answered.get("userUnreadCount").asInt()).isEqualTo(1);
        assertThat(answered.get("waitingSince").isNull()).isTrue();
        assertThat(Instant.parse(answered.get("firstResponseAt").asString())).isEqualTo(T0.plus(Duration.ofSeconds(180)));
        assertThat(answered.get("lastMessage").get("deleted").asBoolean()).isTrue();
        assertThat(answered.get("lastMessage").get("text").isNull()).isTrue();
        assertThat(answered.get("lastMessage").get("authorKind").asString()).isEqualTo("agent");

        HttpResponse<String> agentView = get("/v1/chats/" + chat.chatId() + "/messages?after=0&awaitSequence=8", agent);
        assertThat(agentView.headers().firstValue("X-Read-Model-Stale")).hasValue("false");
        JsonNode agentMessages = json(agentView, 200).get("messages");
        assertThat(agentMessages.findValuesAsString("visibility")).containsExactly("public", "public", "internal", "public", "public");
        assertThat(agentMessages.get(4).get("deleted").asBoolean()).isTrue();
        assertThat(agentMessages.get(4).get("text").isNull()).isTrue();

        var sdk = Map.of("X-Plugin-Key", pluginKey, "X-User-Token", userToken(org, environment, user));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/sdk/chats/" + chat.chatId(), sdk).statusCode() == 200);
        JsonNode userMessages = json(get("/v1/sdk/chats/" + chat.chatId() + "/messages?after=0", sdk), 200).get("messages");
        assertThat(userMessages.findValuesAsString("messageId"))
                .containsExactly("m1_" + org.value(), "m2_" + org.value(), "m6_" + org.value(), "m7_" + org.value());
        assertThat(userMessages.get(3).get("deleted").asBoolean()).isTrue();
        assertThat(userMessages.get(3).get("text").isNull()).isTrue();

        // the badges, with the state the edge continues them from, agree with the inbox row
        HttpResponse<String> agentsBadge = get("/v1/chats/" + chat.chatId() + "/unread?awaitSequence=8", agent);
        assertThat(agentsBadge.headers().firstValue("X-Read-Model-Stale")).hasValue("false");
        JsonNode agentsUnread = json(agentsBadge, 200);
        assertThat(agentsUnread.get("reader").asString()).isEqualTo("agents");
        assertThat(agentsUnread.get("count").asInt()).isEqualTo(answered.get("agentUnreadCount").asInt()).isEqualTo(1);
        assertThat(agentsUnread.get("readUpTo").asLong()).isEqualTo(2);
        assertThat(agentsUnread.get("messages").findValuesAsString("messageId")).containsExactly("m2_" + org.value());
        assertThat(agentsUnread.get("lastSequence").asLong()).isEqualTo(8);
        JsonNode userUnread = json(get("/v1/sdk/chats/" + chat.chatId() + "/unread", sdk), 200);
        assertThat(userUnread.get("reader").asString()).isEqualTo("user");
        assertThat(userUnread.get("count").asInt()).isEqualTo(answered.get("userUnreadCount").asInt());
        assertThat(userUnread.get("messages").findValuesAsString("messageId")).containsExactly("m6_" + org.value());
        assertThat(json(get("/v1/sdk/chats/" + chat.chatId(), sdk), 200).get("unreadCount").asInt()).isEqualTo(1);
        assertThat(get("/v1/sdk/chats/" + chat.chatId() + "/unread",
                Map.of("X-Plugin-Key", pluginKey, "X-User-Token", userToken(org, environment, new UserId("usr_other"))))
                .statusCode()).isEqualTo(404);

        HttpResponse<String> stale = get("/v1/chats/" + chat.chatId() + "/messages?awaitSequence=99&awaitMillis=100", agent);
        assertThat(stale.headers().firstValue("X-Read-Model-Stale")).hasValue("true");
    }

    @Test
    void givenChatOfOrganizationA_whenAgentOfOrganizationBAsks_thenNotFoundAndEmptyInbox() throws Exception {
        OrganizationId orgA = organization();
        OrganizationId orgB = organization();
        ChatStory chat = story(orgA, "secret", 0).opened().userSays(id("m"), "private");
        publish(chat);
        awaitApplied(chat);

        var stranger = agent(orgB, "ag_owner_b", "OWNER");
        assertThat(get("/v1/chats/" + chat.chatId(), stranger).statusCode()).isEqualTo(404);
        assertThat(get("/v1/chats/" + chat.chatId() + "/messages", stranger).statusCode()).isEqualTo(404);
        assertThat(get("/v1/chats/ch_missing/messages", stranger).statusCode()).isEqualTo(404);
        assertThat(inbox("folder=all", stranger)).isEmpty();
        JsonNode counts = json(get("/v1/inbox/counts", stranger), 200);
        assertThat(counts.get("open").asLong() + counts.get("unassigned").asLong()).isZero();
    }

    @Test
    void givenBadInput_whenQueryingInbox_thenRefusedNamingTheField() throws Exception {
        var agent = agent(organization(), ME);
        assertThat(get("/v1/inbox", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/v1/inbox", Map.of("Authorization", "Bearer nonsense")).statusCode()).isEqualTo(401);
        for (var bad : Map.of("folder=drafts", "folder", "limit=0", "limit", "limit=101", "limit",
                "cursor=bm90LWEtY3Vyc29y", "cursor", "tag=NOT_A_TAG", "tag").entrySet()) {
            HttpResponse<String> response = get("/v1/inbox?" + bad.getKey(), agent);
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(422);
            assertThat(response.body()).contains("\"field\":\"" + bad.getValue() + "\"");
        }
        HttpResponse<String> badId = get("/v1/chats/bad*id", agent);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("chatId");
    }

    private List<String> inbox(String query, Map<String, String> agent) throws Exception {
        JsonNode page = json(get("/v1/inbox?" + query, agent), 200);
        return page.get("chats").findValuesAsString("chatId");
    }

    private void awaitApplied(ChatStory story) {
        var anyAgent = agent(new OrganizationId(story.events().getFirst().organizationId()), "ag_waiter");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> chat = get("/v1/chats/" + story.chatId(), anyAgent);
            return chat.statusCode() == 200 && JSON.readTree(chat.body()).get("lastSequence").asLong() == story.sequence();
        });
    }

    private static ChatStory story(OrganizationId org, String name, int hour) {
        return new ChatStory(org, new EnvironmentId("env_1"), "ch_" + name + "_" + org.value(),
                new UserId("usr_" + name), T0.plus(Duration.ofHours(hour)), Duration.ofSeconds(1));
    }

    private static OrganizationId organization() {
        return new OrganizationId("org_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> agent(OrganizationId org, String agentId) {
        return agent(org, agentId, "AGENT");
    }

    private static Map<String, String> agent(OrganizationId org, String agentId, String role) {
        return SUPPORT.agent(org.value(), agentId, role);
    }

    private static String userToken(OrganizationId org, EnvironmentId environment, UserId user) {
        return SUPPORT.userToken(org.value(), environment.value(), user.value());
    }

    /** Publishes every event of the story (again: earlier ones are redelivered, as after a rebalance). */
    private static void publish(ChatStory story) {
        story.events().forEach(SUPPORT::publish);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return QueryTestSupport.get(port, path, headers);
    }
}
