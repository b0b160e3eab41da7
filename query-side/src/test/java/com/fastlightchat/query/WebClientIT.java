package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.fastlightchat.query.QueryTestSupport.get;
import static com.fastlightchat.query.QueryTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the browser clients need from the query side: their static files and configuration, the widget's own chats
 * and its agents' names, and the console's fresh chat rows (read-your-writes, read marks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebClientIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(WebClientIT.class);
    static final String SECRET = "web-client-integration-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
        registry.add("flc.public.command-url", () -> "https://api.chat.example.com/");
        registry.add("flc.public.edge-url", () -> "https://live.chat.example.com");
    }

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenTheService_whenABrowserAsksForTheClients_thenConsoleWidgetAndConfigAreServed() throws Exception {
        JsonNode config = json(get(port, "/v1/sdk/client-config", Map.of()), 200);
        assertThat(config.get("commandUrl").asString()).isEqualTo("https://api.chat.example.com");
        assertThat(config.get("queryUrl").asString()).isEqualTo("http://localhost:8082");
        assertThat(config.get("edgeUrl").asString()).isEqualTo("https://live.chat.example.com");
        assertThat(config.get("protocolVersion").asInt()).isEqualTo(1);

        HttpResponse<String> console = get(port, "/console/", Map.of());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(console.body()).contains("<title>Fast Light Chat — Agent console</title>");
        assertThat(get(port, "/console", Map.of()).statusCode()).isEqualTo(302);
        assertThat(get(port, "/demo/", Map.of()).body()).contains("../widget/flc-chat.js");

        // a customer's site loads the widget and the modules it imports cross-origin
        Map<String, String> site = Map.of("Origin", "https://shop.example.com");
        for (String file : new String[]{"/widget/flc-chat.js", "/widget/messenger.js", "/shared/dom.js",
                "/shared/chat-stream.js", "/vendor/socket.io-4.8.1.esm.min.js"}) {
            HttpResponse<String> response = get(port, file, site);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(file).hasValue("https://shop.example.com");
        }
        // the console's own code is not offered to other sites
        assertThat(get(port, "/console/app.js", site).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void givenUsersWithChats_whenTheWidgetAsks_thenItGetsItsOwnChatsNewestFirstWithReadMarksAndAgentNames() throws Exception {
        OrganizationId org = new OrganizationId(Ids.random("org"));
        EnvironmentId env = new EnvironmentId(Ids.random("env"));
        String pluginKey = "pk_" + Ids.random("k");
        UserId alice = new UserId(Ids.random("usr"));
        UserId bob = new UserId(Ids.random("usr"));
        String agent = Ids.random("ag");
        SUPPORT.publish(EventEnvelope.of(Ids.random("ev"), 1, T0, null, null,
                new EnvironmentCreated(org, env, "production", pluginKey, "ak_" + env.value(), "hash")));
        SUPPORT.publish(EventEnvelope.of(Ids.random("ev"), 1, T0, null, null, new AgentAdded(org, new AgentId(agent),
                "jo@example.com", Role.AGENT, new PersonProfile("Jo Agent", "jo@example.com", null))));
        ChatStory older = new ChatStory(org, env, Ids.random("ch"), alice, T0, Duration.ofSeconds(1))
                .opened().userSays(Ids.random("msg"), "first question");
        ChatStory newer = new ChatStory(org, env, Ids.random("ch"), alice, T0.plusSeconds(60), Duration.ofSeconds(1))
                .opened().userSays(Ids.random("msg"), "hello").assigned(agent, null)
                .agentSays(agent, Ids.random("msg"), "hi, how can I help?").readByAgent(agent, 2)
                .agentSays(agent, Ids.random("msg"), "are you there?").priority(Priority.HIGH, Priority.NORMAL);
        ChatStory bobs = new ChatStory(org, env, Ids.random("ch"), bob, T0.plusSeconds(120), Duration.ofSeconds(1))
                .opened().userSays(Ids.random("msg"), "not alice's");
        for (ChatStory story : new ChatStory[]{older, newer, bobs}) {
            story.events().forEach(SUPPORT::publish);
        }
        Map<String, String> aliceSdk = Map.of("X-Plugin-Key", pluginKey,
                "X-User-Token", SUPPORT.userToken(org.value(), env.value(), alice.value()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = get(port, "/v1/sdk/chats", aliceSdk);
            return response.statusCode() == 200 && json(response, 200).get("chats").size() == 2
                    && json(response, 200).get("chats").get(0).get("lastSequence").asLong() == newer.sequence();
        });

        JsonNode chats = json(get(port, "/v1/sdk/chats", aliceSdk), 200).get("chats");
        assertThat(chats.findValuesAsString("chatId")).containsExactly(newer.chatId(), older.chatId());
        JsonNode latest = chats.get(0);
        assertThat(latest.get("state").asString()).isEqualTo("open");
        assertThat(latest.get("assigneeId").asString()).isEqualTo(agent);
        assertThat(latest.get("unreadCount").asInt()).isEqualTo(2);
        assertThat(latest.get("userReadUpTo").asLong()).isZero();
        assertThat(latest.get("agentsReadUpTo").asLong()).isEqualTo(2);
        assertThat(latest.get("lastMessage").get("text").asString()).isEqualTo("are you there?");
        assertThat(latest.has("priority")).as("internal facts stay with agents").isFalse();
        assertThat(latest.has("tags")).isFalse();
        assertThat(json(get(port, "/v1/sdk/chats?limit=1", aliceSdk), 200).get("chats").size()).isEqualTo(1);
        assertThat(json(get(port, "/v1/sdk/chats/" + newer.chatId(), aliceSdk), 200).get("unreadCount").asInt())
                .isEqualTo(2);

        JsonNode problem = json(get(port, "/v1/sdk/chats?limit=51", aliceSdk), 422);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(get(port, "/v1/sdk/chats", Map.of("X-Plugin-Key", pluginKey)).statusCode()).isEqualTo(401);

        // the widget shows who answers: an agent's name and nothing else; other organizations' agents are unknown
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/v1/sdk/agents/" + agent, aliceSdk).statusCode() == 200);
        JsonNode publicAgent = json(get(port, "/v1/sdk/agents/" + agent, aliceSdk), 200);
        assertThat(publicAgent.get("name").asString()).isEqualTo("Jo Agent");
        assertThat(publicAgent.propertyNames()).containsExactlyInAnyOrder("agentId", "name");
        assertThat(get(port, "/v1/sdk/agents/" + Ids.random("ag"), aliceSdk).statusCode()).isEqualTo(404);
    }

    @Test
    void givenALiveEvent_whenTheConsoleRefreshesTheRowAwaitingItsSequence_thenTheRowHasIt() throws Exception {
        OrganizationId org = new OrganizationId(Ids.random("org"));
        EnvironmentId env = new EnvironmentId(Ids.random("env"));
        String agent = Ids.random("ag");
        Map<String, String> bearer = SUPPORT.agent(org.value(), agent, "AGENT");
        ChatStory story = new ChatStory(org, env, Ids.random("ch"), new UserId(Ids.random("usr")), T0,
                Duration.ofSeconds(1)).opened().userSays(Ids.random("msg"), "hi");
        story.events().forEach(SUPPORT::publish);
        story.readByUser(2).agentSays(agent, Ids.random("msg"), "hello!").readByAgent(agent, 2);
        story.events().stream().skip(2).forEach(SUPPORT::publish);

        // waits for the sequence the live event carried, then answers the row that has applied it
        HttpResponse<String> response = get(port, "/v1/chats/" + story.chatId() + "?awaitSequence=" + story.sequence()
                + "&awaitMillis=5000", bearer);
        JsonNode row = json(response, 200);
        assertThat(response.headers().firstValue("X-Read-Model-Stale")).hasValue("false");
        assertThat(row.get("lastSequence").asLong()).isEqualTo(story.sequence());
        assertThat(row.get("userReadUpTo").asLong()).isEqualTo(2);
        assertThat(row.get("agentsReadUpTo").asLong()).isEqualTo(2);
        assertThat(row.get("agentUnreadCount").asInt()).isZero();
        assertThat(row.get("userUnreadCount").asInt()).isEqualTo(1);

        HttpResponse<String> stale = get(port, "/v1/chats/" + story.chatId() + "?awaitSequence=99&awaitMillis=10", bearer);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("X-Read-Model-Stale")).hasValue("true");
        JsonNode problem = json(get(port, "/v1/chats/" + story.chatId() + "?awaitSequence=1&awaitMillis=-1", bearer), 422);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("awaitMillis");
    }
}
