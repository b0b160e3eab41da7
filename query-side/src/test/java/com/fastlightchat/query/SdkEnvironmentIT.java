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
    }

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

    private HttpResponse<String> environment(String pluginKey) throws Exception {
        return QueryTestSupport.get(port, "/v1/sdk/environment", Map.of("X-Plugin-Key", pluginKey));
    }
}
