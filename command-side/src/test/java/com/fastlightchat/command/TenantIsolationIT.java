package com.fastlightchat.command;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant-isolation matrix, generated from the service's own OpenAPI document so that a new endpoint is covered
 * the day it is added: every endpoint that names a resource (by path or by an id in its body) is called with the
 * credentials of another organization — its owner's token, its API key, its SDK user — pointed at organization A's
 * resources, and A's own user token under B's plugin key. None may succeed, and nothing of A may change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(TenantIsolationIT.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    /** Ids a client makes up itself (not references to anyone's resources). */
    static final java.util.Set<String> DEVICE_CHOSEN = java.util.Set.of("clientMessageId", "veilId", "memberId");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Organization A's resources, by kind. */
    final Map<String, String> victim = new LinkedHashMap<>();
    /** Organization B's credentials, by caller kind. */
    final Map<String, Map<String, String>> attacker = new LinkedHashMap<>();

    @BeforeEach
    void twoOrganizations() throws Exception {
        JsonNode a = signUp("victim");
        String aOwner = login(a);
        Map<String, String> aSdk = sdk(a.get("pluginKey").asString());
        String chatId = CommandSideTesting.call(port, "POST", "/v1/sdk/chats", aSdk, null, 201).get("chatId").asString();
        String messageId = CommandSideTesting.call(port, "POST", "/v1/sdk/chats/" + chatId + "/messages", aSdk,
                Map.of("clientMessageId", "cm-victim", "text", "private"), 201).get("messageId").asString();
        var bearerA = Map.of("Authorization", "Bearer " + aOwner);
        String agentId = CommandSideTesting.call(port, "POST", "/v1/agents", bearerA,
                Map.of("email", "agent-" + UUID.randomUUID() + "@victim.test", "name", "Vic Tim", "role", "agent"), 201)
                .get("agentId").asString();
        String teamId = CommandSideTesting.call(port, "POST", "/v1/teams", bearerA, Map.of("name", "Support"), 201)
                .get("teamId").asString();
        victim.put("organization", a.get("organizationId").asString());
        victim.put("environment", a.get("environmentId").asString());
        victim.put("chat", chatId);
        victim.put("message", messageId);
        victim.put("agent", agentId);
        victim.put("team", teamId);
        victim.put("user", userOf(aSdk));

        JsonNode b = signUp("attacker");
        attacker.put("agent", Map.of("Authorization", "Bearer " + login(b)));
        attacker.put("integration", Map.of("X-API-Key", b.get("apiKey").asString(),
                "X-API-Secret", b.get("apiSecret").asString()));
        attacker.put("sdk", sdk(b.get("pluginKey").asString()));
        attacker.put("A's user token under B's plugin key", Map.of("X-Plugin-Key", b.get("pluginKey").asString(),
                "X-User-Token", aSdk.get("X-User-Token")));
    }

    @Test
    void givenAnotherOrganizationsCredentials_whenCallingEveryEndpointOnOurResources_thenNoneSucceedsAndNothingChanges() throws Exception {
        JsonNode docs = CommandSideTesting.call(port, "GET", "/v3/api-docs", Map.of(), null, 200);
        long eventsOfVictim = eventsOf(victim.values());
        List<String> covered = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                ObjectNode body = sampleBody(docs, operation.getValue());
                boolean targetsResource = PATH_PARAM.matcher(path.getKey()).find() || body.toString().contains(victimIdMarker());
                if (!targetsResource || isPublic(path.getKey())) {
                    continue;
                }
                String url = fill(path.getKey());
                for (var credentials : attacker.entrySet()) {
                    HttpResponse<String> response = send(method, url, credentials.getValue(), body);
                    covered.add(method + " " + url + " as " + credentials.getKey() + " -> " + response.statusCode());
                    if (response.statusCode() < 400 || response.statusCode() >= 500) {
                        breaches.add(method + " " + url + " as " + credentials.getKey() + " -> " + response.statusCode()
                                + " " + response.body());
                    }
                }
            }
        }
        assertThat(breaches).as("calls that were not refused").isEmpty();
        assertThat(covered).as("the matrix must cover the chat, agent and team endpoints")
                .anyMatch(c -> c.contains("/v1/chats/" + victim.get("chat")))
                .anyMatch(c -> c.contains("/v1/agents/" + victim.get("agent")))
                .anyMatch(c -> c.contains("/v1/sdk/chats/" + victim.get("chat")))
                .hasSizeGreaterThan(30);
        assertThat(eventsOf(victim.values())).as("events of organization A's aggregates").isEqualTo(eventsOfVictim);
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/v1/signup") || path.startsWith("/v1/auth/") || path.startsWith("/v1/agents/invitations");
    }

    /** Path parameters get A's ids by what their name says. */
    private String fill(String template) {
        Matcher matcher = PATH_PARAM.matcher(template);
        StringBuilder url = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(url, Matcher.quoteReplacement(idFor(matcher.group(1))));
        }
        matcher.appendTail(url);
        return url.toString();
    }

    private String idFor(String name) {
        String lower = name.toLowerCase();
        for (String kind : List.of("message", "chat", "agent", "team", "user", "environment", "organization")) {
            if (lower.contains(kind)) {
                return victim.get(kind);
            }
        }
        return lower.equals("tag") ? "vip" : victim.get("chat");
    }

    private String victimIdMarker() {
        return victim.get("chat");
    }

    /** A plausible request body from the operation's schema: ids are A's, other fields get simple valid values. */
    private ObjectNode sampleBody(JsonNode docs, JsonNode operation) {
        ObjectNode body = JSON.createObjectNode();
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode type = property.getValue();
            if (name.toLowerCase().endsWith("id") && !DEVICE_CHOSEN.contains(name)) {
                body.put(name, idFor(name));
                body.put("__targets", victimIdMarker());
            } else if (name.toLowerCase().endsWith("ids")) {
                body.putArray(name).add(idFor(name.substring(0, name.length() - 1)));
                body.put("__targets", victimIdMarker());
            } else if (type.has("enum")) {
                body.put(name, type.get("enum").get(0).asString());
            } else {
                switch (type.path("type").asString("string")) {
                    case "integer", "number" -> body.put(name, 1);
                    case "boolean" -> body.put(name, true);
                    case "array" -> body.putArray(name);
                    case "object" -> body.putObject(name);
                    default -> body.put(name, DEVICE_CHOSEN.contains(name) ? "dev-" + UUID.randomUUID() : "sample");
                }
            }
        }
        return body;
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, ObjectNode body) throws Exception {
        ObjectNode payload = body.deepCopy();
        payload.remove("__targets");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload.toString()));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long eventsOf(java.util.Collection<String> aggregateIds) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier in (:ids)")
                .param("ids", List.copyOf(aggregateIds)).query(Long.class).single();
    }

    private JsonNode signUp(String name) throws Exception {
        return CommandSideTesting.call(port, "POST", "/v1/signup", Map.of(), Map.of("organizationName", name,
                "ownerEmail", "owner-" + UUID.randomUUID() + "@" + name + ".test",
                "ownerPassword", "a long enough password"), 201)
                .deepCopy();
    }

    private String login(JsonNode signUp) throws Exception {
        String email = jdbc.sql("select login from agent_logins where agent_id = :id")
                .param("id", signUp.get("ownerAgentId").asString()).query(String.class).single();
        return CommandSideTesting.call(port, "POST", "/v1/auth/login", Map.of(),
                Map.of("login", email, "password", "a long enough password"), 200).get("accessToken").asString();
    }

    private Map<String, String> sdk(String pluginKey) throws Exception {
        String token = CommandSideTesting.call(port, "POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey),
                Map.of(), 200).get("userToken").asString();
        return Map.of("X-Plugin-Key", pluginKey, "X-User-Token", token);
    }

    private String userOf(Map<String, String> sdk) {
        String token = sdk.get("X-User-Token");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return JSON.readTree(payload).get("sub").asString();
    }
}
