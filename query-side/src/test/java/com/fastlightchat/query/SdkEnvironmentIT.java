package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /v1/sdk/environment}: a plugin key resolves to its environment until it is rotated away. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SdkEnvironmentIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(SdkEnvironmentIT.class);
    static final String SECRET = "query-environment-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
        registry.add("flc.web.allowed-origins", () -> CONSOLE_ORIGIN);
    }

    static final String CONSOLE_ORIGIN = "https://console.example.test";

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenPluginKey_whenAskingForItsEnvironment_thenAnsweredUntilRotatedAway() throws Exception {
        OrganizationId org = new OrganizationId(Ids.random("org"));
        EnvironmentId env = new EnvironmentId(Ids.random("env"));
        String oldKey = "pk_" + Ids.random("old");
        String newKey = "pk_" + Ids.random("new");
        SUPPORT.publish(EventEnvelope.of(Ids.random("ev"), 1, Instant.now(), null, null,
                new EnvironmentCreated(org, env, "production", oldKey, "ak_" + env.value(), "hash")));

        await().atMost(Duration.ofSeconds(20)).until(() -> environment(oldKey).statusCode() == 200);
        JsonNode body = JsonMapper.builder().build().readTree(environment(oldKey).body());
        assertThat(body.get("organizationId").asString()).isEqualTo(org.value());
        assertThat(body.get("environmentId").asString()).isEqualTo(env.value());

        SUPPORT.publish(EventEnvelope.of(Ids.random("ev"), 2, Instant.now(), null, null,
                new PluginKeyRotated(org, env, newKey, oldKey, Actor.agent("ag_owner"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> environment(newKey).statusCode() == 200);
        assertThat(environment(oldKey).statusCode()).isEqualTo(401);
        assertThat(QueryTestSupport.get(port, "/v1/sdk/environment", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void givenBrowserOnAnotherOrigin_whenPreflighting_thenSdkOpenToAnySiteAndDashboardOnlyToAllowedOrigins() throws Exception {
        HttpResponse<String> widget = preflight("/v1/sdk/environment", "https://shop.example.com", "X-Plugin-Key");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.com");
        assertThat(widget.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> console = preflight("/v1/inbox", CONSOLE_ORIGIN, "Authorization");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).contains(CONSOLE_ORIGIN);

        HttpResponse<String> stranger = preflight("/v1/inbox", "https://evil.example.com", "Authorization");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String path, String origin, String header) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", header)
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> environment(String pluginKey) throws Exception {
        return QueryTestSupport.get(port, "/v1/sdk/environment", Map.of("X-Plugin-Key", pluginKey));
    }
}
