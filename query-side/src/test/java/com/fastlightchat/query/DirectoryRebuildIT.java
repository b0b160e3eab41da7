package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.event.OrganizationEvent;
import com.fastlightchat.kernel.event.UserEvent;
import com.fastlightchat.query.user.Users;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding each directory read model from a few hundred organization, agent, user and chat events gives the live one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryRebuildIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(DirectoryRebuildIT.class);
    static final String SECRET = "directory-rebuild-test-secret-0123456789";
    static final String ADMIN_TOKEN = "operator-token-for-directory-rebuilds";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int TENANTS = 10;
    static final Set<Class<?>> LOAD_EVENTS = Set.of(ChatOpened.class, ChatEvent.ChatAssigned.class,
            ChatEvent.ChatUnassigned.class, ChatEvent.ChatClosed.class, ChatEvent.ChatReopened.class,
            ChatTransferred.class);

    static final List<EventEnvelope> EVENTS = new ArrayList<>();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
        registry.add("flc.query.admin-token", () -> ADMIN_TOKEN);
    }

    @BeforeAll
    static void publish() {
        for (int i = 0; i < TENANTS; i++) {
            EVENTS.addAll(DirectoryStory.tenant("org_rb_" + i).events());
        }
        EVENTS.forEach(SUPPORT::publish);
    }

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void givenHundredsOfDirectoryEvents_whenRebuildingEachDirectoryModel_thenRebuiltEqualsLive() throws Exception {
        assertThat(EVENTS).hasSizeGreaterThan(300);
        awaitLiveModelsCaughtUp();
        for (String model : List.of("organizations", "agents", "agent-loads", "users")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/v1/admin/rebuilds/" + model))
                    .header("X-Admin-Token", ADMIN_TOKEN).timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(response.body());
            assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("liveCount").asInt()).isEqualTo(report.get("rebuiltCount").asInt()).isPositive();
            System.out.printf("rebuild %s: %d events in %.2f s%n", model, report.get("events").asLong(),
                    report.get("seconds").asDouble());
        }
    }

    /** Each model has applied the last event of every aggregate it follows (sums of applied sequences agree). */
    private void awaitLiveModelsCaughtUp() {
        long organizations = count(OrganizationEvent.class);
        long agents = count(AgentEvent.class);
        long users = count(UserEvent.class);
        Map<String, Long> loads = new HashMap<>();
        Map<String, Long> userChats = new HashMap<>();
        for (EventEnvelope e : EVENTS) {
            if (LOAD_EVENTS.contains(e.payload().getClass())) {
                loads.put(e.aggregateId(), e.sequence());
            }
            if (e.payload() instanceof ChatOpened opened) {
                userChats.put(opened.userId().value() + "/" + e.aggregateId(), e.sequence());
            } else if (e.payload() instanceof ChatTransferred moved) {
                userChats.put(moved.userId().value() + "/" + e.aggregateId(), e.sequence());
                userChats.put(moved.previousUserId().value() + "/" + e.aggregateId(), e.sequence());
            }
        }
        long loadSum = loads.values().stream().mapToLong(Long::longValue).sum();
        long userChatSum = userChats.values().stream().mapToLong(Long::longValue).sum();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(List.of(sum("organizations"),
                sum("agents"), sum("agent_chat_assignments"), userSums()))
                .isEqualTo(List.of(organizations, agents, loadSum, List.of(users, userChatSum))));
    }

    private long count(Class<?> type) {
        return EVENTS.stream().filter(e -> type.isInstance(e.payload())).count();
    }

    private long sum(String table) {
        return jdbc.sql("select coalesce(sum(last_sequence), 0) from " + table).query(Long.class).single();
    }

    /** The sum of the users' applied sequences, and of their chats' sequences. */
    private List<Long> userSums() {
        long applied = 0;
        long chats = 0;
        for (Document user : mongo.getCollection(Users.COLLECTION).find()) {
            applied += ((Number) user.get("lastSequence")).longValue();
            for (Object entry : user.get("chats", new Document()).values()) {
                chats += ((Number) ((Document) entry).get("sequence")).longValue();
            }
        }
        return List.of(applied, chats);
    }
}
