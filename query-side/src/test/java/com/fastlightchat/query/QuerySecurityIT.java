package com.fastlightchat.query;

import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import com.fastlightchat.testservers.api.ApiAnswers;
import com.fastlightchat.testservers.api.JsonArbitraries;
import com.fastlightchat.testservers.api.OpenApiOperations;
import com.fastlightchat.testservers.api.OpenApiOperations.Operation;
import com.fastlightchat.testservers.api.OpenApiOperations.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.fastlightchat.query.DirectoryStory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side's defences on real Kafka, PostgreSQL, Mongo wire server and Redis, for two tenants published as
 * the command side would:
 * <ul>
 *   <li>the cross-tenant matrix, generated from the OpenAPI document: every endpoint, pointed at organization A's
 *       resources (path and id-like query parameters), called with B's agent token, B's SDK user, A's user token
 *       under B's plugin key and B's API key, is refused or answers nothing of A;</li>
 *   <li>fuzzing (jqwik) of every endpoint's path and query parameters with A's own credentials: never a 5xx, and the
 *       read models never change;</li>
 *   <li>the environment's allowed origins on SDK queries, and security headers.</li>
 * </ul>
 */
class QuerySecurityIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(QuerySecurityIT.class);
    static final String SECRET = "query-security-integration-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DirectoryStory A = DirectoryStory.tenant("org_qsec_victim").environment("pk_qsec_victim")
            .allowedOrigins(List.of("https://shop.victim.example"));
    static final DirectoryStory B = DirectoryStory.tenant("org_qsec_intruder").environment("pk_qsec_intruder");
    /** Every id of A contains it; an answer to B that contains it leaks. */
    static final String MARKER = "org_qsec_victim";

    static ConfigurableApplicationContext app;
    static int port;
    static List<Operation> operations;

    @BeforeContainer
    static void start() throws Exception {
        Map<String, Object> properties = SUPPORT.properties(SECRET);
        properties.put("server.port", 0);
        properties.put("flc.query.admin-token", "operator-token-of-this-test-0123456789");
        for (String kind : List.of("agent", "user", "plugin-key", "api-key", "address")) {
            properties.put("flc.web.rate-limit." + kind, "1000000/1m");
        }
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        app = new SpringApplicationBuilder(QuerySideApplication.class).run(arguments);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        A.events().forEach(SUPPORT::publish);
        B.events().forEach(SUPPORT::publish);
        operations = OpenApiOperations.of(JSON.readTree(QueryTestSupport.get(port, "/v3/api-docs", Map.of()).body()));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (DirectoryStory tenant : List.of(A, B)) {
                assertThat(status("/v1/organization", owner(tenant))).isEqualTo(200);
                assertThat(status("/v1/chats/" + id("ch_4", tenant), owner(tenant))).isEqualTo(200);
                assertThat(status("/v1/users/" + id("usr_alice", tenant) + "/chats", owner(tenant))).isEqualTo(200);
                assertThat(status("/v1/sdk/chats/" + id("ch_1", tenant) + "/messages", sdk(tenant, tenant))).isEqualTo(200);
                assertThat(status("/v1/audit/aggregates/" + id("ch_1", tenant), owner(tenant))).isEqualTo(200);
            }
            assertThat(readModels().get("audit_events")).isEqualTo(A.events().size() + B.events().size());
        });
        // Every projection done: the counts no longer move (each projector reads its own consumer group).
        Map<String, Long> last = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Long> now = readModels();
            boolean settled = now.equals(last);
            last.clear();
            last.putAll(now);
            return settled;
        });
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
        SUPPORT.producer().close();
    }

    // --- cross-tenant matrix ---------------------------------------------------------------------------------------

    @Example
    void givenAnotherOrganizationsCredentials_whenCallingEveryEndpointOnOurResources_thenNothingOfOursComesBack()
            throws Exception {
        Map<String, Map<String, String>> intruders = new LinkedHashMap<>();
        intruders.put("B's agent", owner(B));
        intruders.put("B's SDK user", sdk(B, B));
        intruders.put("A's user token under B's plugin key", sdk(B, A));
        intruders.put("B's API key", Map.of("X-API-Key", "ak_pk_qsec_intruder", "X-API-Secret", "whatever"));
        List<String> covered = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        for (Operation operation : operations) {
            String url = targetingA(operation);
            for (var intruder : intruders.entrySet()) {
                HttpResponse<String> response = QueryTestSupport.send(port, operation.method(), url, intruder.getValue());
                covered.add(operation + " as " + intruder.getKey() + " -> " + response.statusCode());
                boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
                if (!refused && (response.statusCode() >= 300 || response.body().contains(MARKER))) {
                    breaches.add(operation.method() + " " + url + " as " + intruder.getKey() + " -> "
                            + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(breaches).as("answers that gave away organization A's data").isEmpty();
        assertThat(covered).as("the matrix covers the chat, user, agent, audit and SDK endpoints")
                .anyMatch(c -> c.startsWith("GET /v1/chats/{chatId}/messages"))
                .anyMatch(c -> c.startsWith("GET /v1/users/{userId}/chats"))
                .anyMatch(c -> c.startsWith("GET /v1/agents/{agentId}"))
                .anyMatch(c -> c.startsWith("GET /v1/audit/aggregates/{aggregateId}"))
                .anyMatch(c -> c.startsWith("GET /v1/sdk/chats/{chatId}/messages"))
                .hasSizeGreaterThanOrEqualTo(4 * 15);
        // The marker does show up when A asks: the matrix would see a leak.
        assertThat(QueryTestSupport.get(port, targetingA(operation("GET", "/v1/chats/{chatId}/messages")), owner(A))
                .body()).contains(MARKER);
    }

    /** The operation's URL aimed at A: path parameters and id-like query parameters get A's ids. */
    private static String targetingA(Operation operation) {
        String path = operation.fill(QuerySecurityIT::idOfA);
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            String value = parameter.name().toLowerCase(Locale.ROOT).endsWith("id") ? idOfA(parameter.name())
                    : parameter.required() ? requiredValue(parameter) : null;
            if (value != null) {
                query.add(parameter.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static String requiredValue(Parameter parameter) {
        JsonNode schema = parameter.schema();
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("string")) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "date-time".equals(schema.path("format").asString("")) ? "2026-11-22T08:00:00Z" : "x";
        };
    }

    private static String idOfA(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("message")) {
            return id("m1", A);
        }
        if (lower.contains("agent") || lower.contains("assignee")) {
            return id("ag_amy", A);
        }
        if (lower.contains("team")) {
            return id("team_sales", A);
        }
        if (lower.contains("user")) {
            return id("usr_alice", A);
        }
        if (lower.contains("environment")) {
            return A.environmentId();
        }
        if (lower.contains("organization")) {
            return A.organizationId();
        }
        if (lower.equals("readmodel")) {
            return "chats";
        }
        return id("ch_1", A);
    }

    // --- fuzzing ---------------------------------------------------------------------------------------------------

    record Attempt(Operation operation, String url, Map<String, String> credentials) {
        @Override
        public String toString() {
            return operation.method() + " " + url;
        }
    }

    @Property(tries = 250)
    void givenAnyParametersToAnyEndpoint_whenSentWithValidCredentials_thenNever5xx_andNothingChanges(
            @ForAll("attempts") Attempt attempt) throws Exception {
        Map<String, Long> before = readModels();

        HttpResponse<String> response = QueryTestSupport.send(port, attempt.operation().method(), attempt.url(),
                attempt.credentials());

        ApiAnswers.refusedWithoutServerError(response, attempt);
        assertThat(readModels()).as("read models after " + attempt).isEqualTo(before);
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(operations.stream().filter(o -> !o.path().startsWith("/v1/admin/")).toList())
                .flatMap(operation -> {
                    List<Parameter> parameters = new ArrayList<>(operation.in("path"));
                    parameters.addAll(operation.in("query"));
                    List<Arbitrary<String>> values = parameters.stream().map(p -> value(p)).toList();
                    Arbitrary<List<String>> all = values.isEmpty() ? Arbitraries.just(List.of())
                            : Combinators.combine(values).as(list -> list);
                    return all.map(list -> {
                        Map<String, String> byName = new HashMap<>();
                        List<String> query = new ArrayList<>();
                        for (int i = 0; i < parameters.size(); i++) {
                            Parameter parameter = parameters.get(i);
                            String value = list.get(i);
                            if (parameter.in().equals("path")) {
                                byName.put(parameter.name(), URLEncoder.encode(value.isEmpty() ? "x" : value,
                                        StandardCharsets.UTF_8));
                            } else if (!value.equals("\u0000absent")) {
                                query.add(parameter.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                            }
                        }
                        String path = operation.fill(byName::get);
                        String url = query.isEmpty() ? path : path + "?" + String.join("&", query);
                        return new Attempt(operation, url, operation.path().startsWith("/v1/sdk/")
                                ? sdk(A, A) : owner(A));
                    });
                });
    }

    /** A's own id (to get past "not found"), a nasty string, a number, or (query) nothing. */
    private static Arbitrary<String> value(Parameter parameter) {
        Arbitrary<String> numbers = Arbitraries.of("0", "-1", "1", "100", "101", "5001", "9223372036854775807",
                "99999999999999999999", "1.5", "1e3", "NaN");
        Arbitrary<String> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(idOfA(parameter.name()))),
                net.jqwik.api.Tuple.of(3, JsonArbitraries.nastyStrings().map(s -> s.length() > 200 ? s.substring(0, 200) : s)),
                net.jqwik.api.Tuple.of(2, numbers));
        return parameter.in().equals("path") ? any
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("\u0000absent")),
                net.jqwik.api.Tuple.of(3, any));
    }

    /** Row and document counts of every read model. */
    private static Map<String, Long> readModels() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("environments", "organizations", "teams", "agents", "agent_chat_assignments",
                "audit_events")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        for (String collection : List.of("chats", "messages", "users")) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }

    // --- origins and headers ---------------------------------------------------------------------------------------

    @Example
    void givenAnAllowlist_whenAPageOfAnotherSiteQueries_then403WithoutCorsHeader_andAnAllowedPageReads() throws Exception {
        String path = "/v1/sdk/chats/" + id("ch_1", A) + "/messages";

        HttpResponse<String> foreign = QueryTestSupport.get(port, path, with(sdk(A, A), "Origin", "https://evil.example"));
        HttpResponse<String> allowed = QueryTestSupport.get(port, path,
                with(sdk(A, A), "Origin", "https://shop.victim.example"));
        JsonNode environment = JSON.readTree(QueryTestSupport.get(port, "/v1/sdk/environment", sdk(A, A)).body());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.body()).get("type").asString()).endsWith("/origin-not-allowed");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.victim.example");
        assertThat(environment.get("allowedOrigins").toString()).isEqualTo("[\"https://shop.victim.example\"]");
        assertThat(QueryTestSupport.get(port, "/v1/sdk/chats/" + id("ch_1", B) + "/messages",
                with(sdk(B, B), "Origin", "https://evil.example")).statusCode()).as("B allows any site").isEqualTo(200);
    }

    @Example
    void givenAnyAnswer_whenInspected_thenSecurityHeadersAreThere() throws Exception {
        for (HttpResponse<String> answer : List.of(QueryTestSupport.get(port, "/v1/inbox", owner(A)),
                QueryTestSupport.get(port, "/v1/inbox", Map.of()),
                QueryTestSupport.get(port, "/v1/inbox?limit=1000", owner(A)))) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Operation operation(String method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow();
    }

    private static Map<String, String> owner(DirectoryStory tenant) {
        return SUPPORT.agent(tenant.organizationId(), id("ag_owner", tenant), "OWNER");
    }

    /** The SDK headers of {@code tokenOf}'s Alice under {@code keyOf}'s plugin key. */
    private static Map<String, String> sdk(DirectoryStory keyOf, DirectoryStory tokenOf) {
        String pluginKey = keyOf == A ? "pk_qsec_victim" : "pk_qsec_intruder";
        return Map.of("X-Plugin-Key", pluginKey, "X-User-Token", SUPPORT.userToken(tokenOf.organizationId(),
                tokenOf.environmentId(), id("usr_alice", tokenOf)));
    }

    private static int status(String path, Map<String, String> headers) throws Exception {
        return QueryTestSupport.get(port, path, headers).statusCode();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
