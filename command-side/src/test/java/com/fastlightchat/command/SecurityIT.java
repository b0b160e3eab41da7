package com.fastlightchat.command;

import com.fastlightchat.command.CommandSideTesting.Tenant;
import com.fastlightchat.command.agent.web.LoginThrottle;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import com.fastlightchat.web.TooManyRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.fastlightchat.command.CommandSideTesting.bearer;
import static com.fastlightchat.command.CommandSideTesting.call;
import static com.fastlightchat.command.CommandSideTesting.sdkUser;
import static com.fastlightchat.command.CommandSideTesting.send;
import static com.fastlightchat.command.CommandSideTesting.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side's defences on real servers (Redis for limits and login throttling): rate limits per user, plugin
 * key and API key (429 problem with {@code Retry-After}, nothing written), login throttling that does not tell
 * whether an account exists, refresh tokens revoked by a password change, a previous signing key still accepted,
 * security headers on every kind of answer, the body size limit on every endpoint, and an environment's allowed
 * origins. Limits are small here; each test uses identities of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(SecurityIT.class);
    static final String PREVIOUS_SECRET = "the-signing-key-before-the-rotation-0123456789";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
        registry.add("flc.command.token-previous-secrets", () -> PREVIOUS_SECRET);
        registry.add("flc.web.rate-limit.user", () -> "5/1h");
        registry.add("flc.web.rate-limit.plugin-key", () -> "12/1h");
        registry.add("flc.web.rate-limit.api-key", () -> "3/1h");
        registry.add("flc.web.rate-limit.address", () -> "100000/1h");
        registry.add("flc.web.hsts-max-age", () -> "365d");
        registry.add("flc.command.login-throttle.free-failures", () -> 3);
        registry.add("flc.command.login-throttle.free-failures-per-address", () -> 50);
        registry.add("flc.command.login-throttle.first-lock", () -> "10m");
        registry.add("flc.command.login-throttle.max-lock", () -> "1h");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoginThrottle throttle;

    // --- rate limits ---------------------------------------------------------------------------------------------

    @Test
    void givenAUserOverTheirBudget_whenCallingAgain_then429ProblemWithRetryAfterAndNothingWritten() throws Exception {
        Tenant tenant = signUp(port, "budget");
        Map<String, String> user = sdkUser(port, tenant.pluginKey());
        for (int i = 1; i <= 5; i++) {
            call(port, "PATCH", "/v1/sdk/me", user, Map.of("name", "Name " + i), 200);
        }
        long events = events();

        HttpResponse<String> refused = send(port, "PATCH", "/v1/sdk/me", user, "{\"name\":\"Name 6\"}");

        assertTooManyRequests(refused);
        assertThat(events()).as("events after the refused call").isEqualTo(events);
        assertThat(send(port, "PATCH", "/v1/sdk/me", sdkUser(port, tenant.pluginKey()), "{\"name\":\"Other\"}")
                .statusCode()).as("another user of the same environment has a budget of their own").isEqualTo(200);
    }

    @Test
    void givenAnEnvironmentOverItsPluginKeyBudget_whenAnyOfItsUsersCalls_then429() throws Exception {
        Tenant tenant = signUp(port, "pluginbudget");
        for (int i = 0; i < 12; i++) {
            call(port, "POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", tenant.pluginKey()), Map.of(), 200);
        }

        assertTooManyRequests(send(port, "POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", tenant.pluginKey()), "{}"));
        Tenant other = signUp(port, "otherenv");
        call(port, "POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", other.pluginKey()), Map.of(), 200);
    }

    @Test
    void givenAnApiKeyOverItsBudget_whenCallingAgain_then429() throws Exception {
        Tenant tenant = signUp(port, "apibudget");
        String userId = userOf(sdkUser(port, tenant.pluginKey()));
        for (int i = 0; i < 3; i++) {
            call(port, "PATCH", "/v1/integration/users/" + userId, tenant.apiKey(), Map.of("name", "N" + i), 200);
        }

        assertTooManyRequests(send(port, "PATCH", "/v1/integration/users/" + userId, tenant.apiKey(), "{\"name\":\"x\"}"));
    }

    // --- login throttling ------------------------------------------------------------------------------------------

    @Test
    void givenRepeatedWrongPasswords_whenTheRightOneComesWhileLocked_then429_andAnUnknownLoginIsTreatedAlike()
            throws Exception {
        Tenant tenant = signUp(port, "bruteforce");
        String unknown = "nobody-" + UUID.randomUUID() + "@bruteforce.test";
        List<Integer> existing = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            existing.add(login(tenant.ownerLogin(), "wrong password " + i).statusCode());
            missing.add(login(unknown, "wrong password " + i).statusCode());
        }

        HttpResponse<String> rightButLocked = login(tenant.ownerLogin(), tenant.ownerPassword());
        HttpResponse<String> unknownLocked = login(unknown, "anything at all");

        assertThat(existing).containsExactly(401, 401, 401, 401);
        assertThat(missing).isEqualTo(existing);
        assertTooManyRequests(rightButLocked);
        assertTooManyRequests(unknownLocked);
        assertThat(problem(unknownLocked).get("detail")).isEqualTo(problem(rightButLocked).get("detail"));
        assertThat(Long.parseLong(rightButLocked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 600L);
    }

    @Test
    void givenSomeWrongPasswords_whenTheAgentLogsInSuccessfully_thenTheCountStartsAgain() throws Exception {
        Tenant tenant = signUp(port, "resets");
        for (int i = 0; i < 3; i++) {
            assertThat(login(tenant.ownerLogin(), "wrong " + i).statusCode()).isEqualTo(401);
        }
        assertThat(login(tenant.ownerLogin(), tenant.ownerPassword()).statusCode()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(login(tenant.ownerLogin(), "wrong again " + i).statusCode()).isEqualTo(401);
        }
        assertThat(login(tenant.ownerLogin(), tenant.ownerPassword()).statusCode()).isEqualTo(200);
    }

    @Test
    void givenManyFailuresFromOneAddress_whenAnyLoginIsTriedFromThere_thenLocked() {
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 51; i++) {
            throttle.failed("guess-" + i + "@spray.test", address);
        }

        assertThatThrownBy(() -> throttle.check("someone-else@spray.test", address))
                .isInstanceOf(TooManyRequests.class);
        throttle.check("someone-else@spray.test", "198.51.100.7");
    }

    // --- tokens ----------------------------------------------------------------------------------------------------

    @Test
    void givenAPasswordChange_whenAnEarlierRefreshTokenIsUsed_then401_andANewLoginRefreshes() throws Exception {
        Tenant tenant = signUp(port, "revoke");
        JsonNode session = call(port, "POST", "/v1/auth/login", Map.of(),
                Map.of("login", tenant.ownerLogin(), "password", tenant.ownerPassword()), 200);
        String refresh = session.get("refreshToken").asString();
        call(port, "POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", refresh), 200);
        // Token times have whole seconds: a refresh token of the very second of the change would still count.
        long issued = JSON.readTree(java.util.Base64.getUrlDecoder().decode(refresh.split("\\.")[1])).get("iat").asLong();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().getEpochSecond() > issued);

        call(port, "PUT", "/v1/agents/me/password", Map.of("Authorization", "Bearer " + session.get("accessToken").asString()),
                Map.of("currentPassword", tenant.ownerPassword(), "newPassword", "a brand new long password"), 204);

        assertThat(problem(send(port, "POST", "/v1/auth/refresh", Map.of(),
                JSON.writeValueAsString(Map.of("refreshToken", refresh)))).get("status").asInt()).isEqualTo(401);
        String fresh = call(port, "POST", "/v1/auth/login", Map.of(), Map.of("login", tenant.ownerLogin(),
                "password", "a brand new long password"), 200).get("refreshToken").asString();
        call(port, "POST", "/v1/auth/refresh", Map.of(), Map.of("refreshToken", fresh), 200);
    }

    @Test
    void givenAKeyRotation_whenATokenOfThePreviousKeyIsUsed_thenAccepted_andNewTokensNameTheCurrentKey() throws Exception {
        Tenant tenant = signUp(port, "rotation");
        String agentId = tenant.signUp().get("ownerAgentId").asString();
        Instant now = Instant.now();
        String old = AccessTokens.fromSecret(PREVIOUS_SECRET, Clock.systemUTC()).issue(new TokenClaims(agentId,
                TokenClaims.Kind.AGENT, tenant.organizationId(), null, "OWNER", now, now.plusSeconds(600)));
        String forged = AccessTokens.fromSecret("a-key-this-deployment-never-had-0123456789", Clock.systemUTC())
                .issue(new TokenClaims(agentId, TokenClaims.Kind.AGENT, tenant.organizationId(), null, "OWNER", now,
                        now.plusSeconds(600)));

        call(port, "PUT", "/v1/agents/me/presence", Map.of("Authorization", "Bearer " + old),
                Map.of("presence", "online"), 204);
        assertThat(send(port, "PUT", "/v1/agents/me/presence", Map.of("Authorization", "Bearer " + forged),
                "{\"presence\":\"away\"}").statusCode()).isEqualTo(401);
        String fresh = bearer(port, tenant).get("Authorization").substring(7);
        String header = new String(java.util.Base64.getUrlDecoder().decode(fresh.split("\\.")[0]));
        assertThat(header).contains("\"kid\":\"" + AccessTokens.fromSecret(
                "integration-test-secret-0123456789abcdef", Clock.systemUTC()).keyId() + "\"");
    }

    // --- headers and body size -------------------------------------------------------------------------------------

    @Test
    void givenAnyKindOfAnswer_whenInspected_thenSecurityHeadersAreThere() throws Exception {
        Tenant tenant = signUp(port, "headers");
        List<HttpResponse<String>> answers = List.of(
                login(tenant.ownerLogin(), tenant.ownerPassword()),
                send(port, "PUT", "/v1/agents/me/presence", Map.of("Authorization", "Bearer nonsense"), "{}"),
                send(port, "PATCH", "/v1/sdk/me", sdkUser(port, tenant.pluginKey()), "x".repeat(70_000)),
                send(port, "GET", "/v3/api-docs", Map.of(), null));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 401, 413, 200);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
        }
    }

    @Test
    void givenBodiesOverTheLimitOnEndpointsOtherThanMessages_whenSent_then413ProblemAndNothingWritten() throws Exception {
        Tenant tenant = signUp(port, "bodies");
        Map<String, String> owner = bearer(port, tenant);
        long events = events();
        String big = JSON.writeValueAsString(Map.of("name", "x".repeat(70_000)));

        List<HttpResponse<String>> answers = List.of(
                send(port, "PUT", "/v1/organization/name", owner, big),
                send(port, "POST", "/v1/teams", owner, big),
                send(port, "POST", "/v1/signup", Map.of(), big),
                chunked("/v1/environments", owner, big));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
            assertThat(problem(answer).get("type").asString()).endsWith("/payload-too-large");
        }
        assertThat(events()).isEqualTo(events);
    }

    // --- allowed origins -------------------------------------------------------------------------------------------

    @Test
    void givenAnAllowlist_whenAPageOfAnotherSiteCallsTheSdk_then403WithoutCorsHeaderAndNothingWritten() throws Exception {
        Tenant tenant = signUp(port, "origins");
        Map<String, String> owner = bearer(port, tenant);
        JsonNode set = call(port, "PUT", "/v1/environments/" + tenant.environmentId() + "/allowed-origins", owner,
                Map.of("allowedOrigins", List.of("HTTPS://Shop.Example.com/", "http://localhost:3000")), 200);
        assertThat(set.get("allowedOrigins").toString()).isEqualTo("[\"https://shop.example.com\",\"http://localhost:3000\"]");
        Map<String, String> user = sdkUser(port, tenant.pluginKey());
        long events = events();

        HttpResponse<String> foreign = send(port, "POST", "/v1/sdk/chats", with(user, "Origin", "https://evil.example"), null);
        HttpResponse<String> preflight = send(port, "OPTIONS", "/v1/sdk/chats", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-plugin-key,x-user-token"), null);

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(problem(foreign).get("type").asString()).endsWith("/origin-not-allowed");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(events()).isEqualTo(events);
        assertThat(preflight.statusCode()).as("a preflight carries no plugin key: answered as for any site").isEqualTo(200);
        HttpResponse<String> allowed = send(port, "POST", "/v1/sdk/chats", with(user, "Origin", "https://shop.example.com"), null);
        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.com");
        assertThat(send(port, "POST", "/v1/sdk/chats", user, null).statusCode()).as("no Origin: not a browser").isEqualTo(201);

        call(port, "PUT", "/v1/environments/" + tenant.environmentId() + "/allowed-origins", owner,
                Map.of("allowedOrigins", List.of()), 200);
        assertThat(send(port, "POST", "/v1/sdk/chats", with(user, "Origin", "https://evil.example"), null).statusCode())
                .as("an empty allowlist: any site").isEqualTo(201);
    }

    @Test
    void givenAnAllowlistChange_whenMadeByAnAgentOrAnotherOrganizationOrWithBadOrigins_thenRefusedNamingTheField()
            throws Exception {
        Tenant tenant = signUp(port, "originrights");
        Tenant other = signUp(port, "originother");
        String path = "/v1/environments/" + tenant.environmentId() + "/allowed-origins";
        Map<String, String> owner = bearer(port, tenant);
        String agentId = call(port, "POST", "/v1/agents", owner, Map.of("email", "agent-" + UUID.randomUUID()
                + "@originrights.test", "role", "agent"), 201).get("agentId").asString();
        Instant now = Instant.now();
        String agentToken = AccessTokens.fromSecret("integration-test-secret-0123456789abcdef", Clock.systemUTC())
                .issue(new TokenClaims(agentId, TokenClaims.Kind.AGENT, tenant.organizationId(), null, "AGENT", now,
                        now.plusSeconds(600)));
        String body = "{\"allowedOrigins\":[\"https://shop.example.com\"]}";

        assertThat(send(port, "PUT", path, Map.of("Authorization", "Bearer " + agentToken), body).statusCode()).isEqualTo(403);
        assertThat(send(port, "PUT", path, bearer(port, other), body).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send(port, "PUT", path, owner, "{\"allowedOrigins\":[\"https://ok.example\",\"*\"]}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(problem(bad).get("errors").get(0).get("field").asString()).isEqualTo("allowedOrigins[1]");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void assertTooManyRequests(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(problem(response).get("type").asString()).isEqualTo("https://fastlight.chat/problems/too-many-requests");
        assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isPositive();
    }

    private static JsonNode problem(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> login(String login, String password) throws Exception {
        return send(port, "POST", "/v1/auth/login", Map.of(), JSON.writeValueAsString(Map.of("login", login,
                "password", password)));
    }

    private HttpResponse<String> chunked(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes())));
        headers.forEach(request::header);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static String userOf(Map<String, String> sdk) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(sdk.get("X-User-Token").split("\\.")[1]));
        return JSON.readTree(payload).get("sub").asString();
    }
}
