package com.fastlightchat.command.user;

import com.fastlightchat.command.CommandSideTesting;
import com.fastlightchat.command.agent.AddAgent;
import com.fastlightchat.command.environment.MemberSecrets;
import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.EnvironmentEvent.MemberSecretIssued;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Environments and end users on real PostgreSQL and Kafka: key rotation takes effect at once, secrets never reach
 * the event store or Kafka, member hashes, anonymous-to-member merges with their chat transfers, profile
 * validation and tenant isolation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnvironmentsAndUsersIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(EnvironmentsAndUsersIT.class);
    static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    UserMergeProcess merges;

    /** The signed-up organization: ids, keys and secrets as shown once. */
    JsonNode tenant;
    String ownerToken;

    @BeforeEach
    void signUp() throws Exception {
        String login = "owner-" + UUID.randomUUID() + "@acme.test";
        tenant = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Acme", "ownerEmail", login,
                "ownerPassword", PASSWORD), 201);
        assertThat(tenant.get("memberSecret").asString()).startsWith("ms_");
        ownerToken = login(login);
    }

    @Test
    void givenOwner_whenRotatingApiKeyAndPluginKey_thenOldKeysFailAtOnceAndNewOnesWork() throws Exception {
        String userId = boot(tenant.get("pluginKey").asString(), Map.of()).get("userId").asString();
        Map<String, String> oldApi = apiHeaders(tenant);
        call("PATCH", "/v1/integration/users/" + userId, oldApi, Map.of("name", "Before"), 200);

        JsonNode api = call("POST", "/v1/environments/" + envId() + "/api-key/rotation", bearer(ownerToken), null, 200);
        call("PATCH", "/v1/integration/users/" + userId, oldApi, Map.of("name", "Old key"), 401);
        call("PATCH", "/v1/integration/users/" + userId, Map.of("X-API-Key", api.get("apiKey").asString(),
                "X-API-Secret", tenant.get("apiSecret").asString()), Map.of("name", "Old secret"), 401);
        call("PATCH", "/v1/integration/users/" + userId, apiHeaders(api), Map.of("name", "After"), 200);

        JsonNode plugin = call("POST", "/v1/environments/" + envId() + "/plugin-key/rotation", bearer(ownerToken), null, 200);
        call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", tenant.get("pluginKey").asString()), Map.of(), 401);
        boot(plugin.get("pluginKey").asString(), Map.of());
    }

    @Test
    void givenAdminAndAgent_whenManagingEnvironments_thenAdminCreatesButOnlyTheOwnerRotates() throws Exception {
        String adminToken = addAgent(Role.ADMIN);
        String agentToken = addAgent(Role.AGENT);

        JsonNode created = call("POST", "/v1/environments", bearer(adminToken), Map.of("name", "staging"), 201);
        assertThat(created.get("apiSecret").asString()).startsWith("sk_");
        assertThat(created.get("memberSecret").asString()).startsWith("ms_");
        boot(created.get("pluginKey").asString(), Map.of());
        call("POST", "/v1/environments", bearer(agentToken), Map.of("name", "qa"), 403);
        JsonNode blank = call("POST", "/v1/environments", bearer(adminToken), Map.of("name", " "), 400);
        assertThat(blank.get("errors").get(0).get("field").asString()).isEqualTo("name");

        String id = created.get("environmentId").asString();
        call("POST", "/v1/environments/" + id + "/api-key/rotation", bearer(adminToken), null, 403);
        call("POST", "/v1/environments/" + id + "/member-secret/rotation", bearer(agentToken), null, 403);
        call("POST", "/v1/environments/" + id + "/plugin-key/rotation", Map.of(), null, 401);
        call("POST", "/v1/environments/env_unknown/plugin-key/rotation", bearer(ownerToken), null, 404);
        call("POST", "/v1/environments/not%20an%20id/plugin-key/rotation", bearer(ownerToken), null, 400);

        String otherLogin = "other-" + UUID.randomUUID() + "@other.test";
        call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Other", "ownerEmail", otherLogin,
                "ownerPassword", PASSWORD), 201);
        String otherOwner = login(otherLogin);
        call("POST", "/v1/environments/" + id + "/plugin-key/rotation", bearer(otherOwner), null, 404);
    }

    @Test
    void givenSecretsShownOnce_whenLookingAtEventStoreAndKafka_thenNoSecretIsThere() throws Exception {
        JsonNode created = call("POST", "/v1/environments", bearer(ownerToken), Map.of("name", "staging"), 201);
        JsonNode rotated = call("POST", "/v1/environments/" + envId() + "/member-secret/rotation",
                bearer(ownerToken), null, 200);
        JsonNode api = call("POST", "/v1/environments/" + envId() + "/api-key/rotation", bearer(ownerToken), null, 200);
        List<String> secrets = List.of(tenant.get("apiSecret").asString(), tenant.get("memberSecret").asString(),
                created.get("apiSecret").asString(), created.get("memberSecret").asString(),
                rotated.get("memberSecret").asString(), api.get("apiSecret").asString());

        for (String secret : secrets) {
            assertThat(jdbc.sql("""
                            select count(*) from domain_event_entry
                            where position(convert_to(:secret, 'UTF8') in payload) > 0
                               or position(convert_to(:secret, 'UTF8') in coalesce(meta_data, ''::bytea)) > 0""")
                    .param("secret", secret).query(Long.class).single()).as(secret).isZero();
        }
        assertThat(storedTypes(envId())).containsExactly("EnvironmentCreated", "MemberSecretIssued",
                "MemberSecretIssued", "ApiKeyRotated");
        assertThat(storedTypes(created.get("environmentId").asString()))
                .containsExactly("EnvironmentCreated", "MemberSecretIssued");

        List<String> published = CommandSideTesting.publishedRecords(ISOLATION,
                value -> value.contains(rotated.get("fingerprint").asString())
                && value.contains("environment.member-secret-issued"));
        assertThat(published).isNotEmpty();
        for (String secret : secrets) {
            assertThat(published).noneMatch(value -> value.contains(secret));
        }
        MemberSecretIssued issued = published.stream().map(EventCodec::decode)
                .filter(envelope -> envelope.payload() instanceof MemberSecretIssued m
                        && m.fingerprint().equals(rotated.get("fingerprint").asString()))
                .map(envelope -> envelope.payloadAs(MemberSecretIssued.class)).findFirst().orElseThrow();
        assertThat(issued.fingerprint()).hasSize(8);
    }

    @Test
    void givenMemberHash_whenBooting_thenRightHashIdentifiesTheSameUserEveryTimeAndWrongHashIsRejected() throws Exception {
        String pluginKey = tenant.get("pluginKey").asString();
        String secret = tenant.get("memberSecret").asString();

        JsonNode first = boot(pluginKey, member("member-1", MemberSecrets.sign(secret, "member-1")));
        JsonNode second = boot(pluginKey, member("member-1", MemberSecrets.sign(secret, "member-1").toUpperCase()));
        assertThat(second.get("userId").asString()).isEqualTo(first.get("userId").asString());
        assertThat(second.get("veilId").asString()).isEqualTo(first.get("veilId").asString());

        long events = eventCount();
        JsonNode wrong = call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey),
                member("member-1", MemberSecrets.sign("ms_guess", "member-1")), 401);
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("memberHash");
        JsonNode missing = call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey),
                Map.of("memberId", "member-2"), 401);
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("memberHash");
        call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey),
                member("member 2", MemberSecrets.sign(secret, "member 2")), 422);
        assertThat(eventCount()).isEqualTo(events);

        // the anonymous boot of the member's veil id never hands out the member without a hash
        JsonNode anonymous = boot(pluginKey, Map.of("veilId", first.get("veilId").asString()));
        assertThat(anonymous.get("userId").asString()).isNotEqualTo(first.get("userId").asString());

        String rotated = call("POST", "/v1/environments/" + envId() + "/member-secret/rotation",
                bearer(ownerToken), null, 200).get("memberSecret").asString();
        call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey),
                member("member-1", MemberSecrets.sign(secret, "member-1")), 401);
        assertThat(boot(pluginKey, member("member-1", MemberSecrets.sign(rotated, "member-1"))).get("userId").asString())
                .isEqualTo(first.get("userId").asString());
    }

    @Test
    void givenAnonymousUsers_whenTheyLogIn_thenFirstIsIdentifiedAndSecondIsMergedWithItsChatsTransferred() throws Exception {
        String pluginKey = tenant.get("pluginKey").asString();
        String secret = tenant.get("memberSecret").asString();
        Map<String, Object> login = member("member-42", MemberSecrets.sign(secret, "member-42"));

        JsonNode laptop = boot(pluginKey, Map.of());
        JsonNode laptopLogin = boot(pluginKey, with(login, "veilId", laptop.get("veilId").asString()));
        assertThat(laptopLogin.get("userId").asString()).isEqualTo(laptop.get("userId").asString());
        assertThat(storedTypes(laptop.get("userId").asString())).containsExactly("UserBooted", "UserIdentified");

        JsonNode phone = boot(pluginKey, Map.of());
        String phoneUser = phone.get("userId").asString();
        String chatId = call("POST", "/v1/sdk/chats", Map.of("X-Plugin-Key", pluginKey,
                "X-User-Token", phone.get("userToken").asString()), null, 201).get("chatId").asString();
        JsonNode phoneLogin = boot(pluginKey, with(login, "veilId", phone.get("veilId").asString()));

        assertThat(phoneLogin.get("userId").asString()).isEqualTo(laptop.get("userId").asString());
        assertThat(phoneLogin.get("veilId").asString()).isEqualTo(laptop.get("veilId").asString());
        assertThat(storedTypes(phoneUser)).containsExactly("UserBooted", "UserMerged");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(merges.of(new UserId(phoneUser)))
                .containsExactly(new UserMergeProcess.Transfer(new ChatId(chatId), new UserId(phoneUser),
                        new UserId(laptop.get("userId").asString()), true)));
        // the chat itself now belongs to the member: the Chat aggregate recorded the transfer
        assertThat(storedTypes(chatId)).containsExactly("ChatOpened", "ChatTransferred");
        String chatOwner = jdbc.sql("select user_id from user_chats where chat_id = :chat").param("chat", chatId)
                .query(String.class).single();
        assertThat(chatOwner).isEqualTo(laptop.get("userId").asString());

        JsonNode merged = call("PATCH", "/v1/sdk/me", Map.of("X-Plugin-Key", pluginKey,
                "X-User-Token", phone.get("userToken").asString()), Map.of("name", "Ghost"), 409);
        assertThat(merged.get("errors").get(0).get("field").asString()).isEqualTo("userId");
    }

    @Test
    void givenBadProfileOrAttributes_whenPatching_thenProblemNamesTheFieldAndNothingIsWritten() throws Exception {
        JsonNode user = boot(tenant.get("pluginKey").asString(), Map.of());
        Map<String, String> sdk = Map.of("X-Plugin-Key", tenant.get("pluginKey").asString(),
                "X-User-Token", user.get("userToken").asString());
        long events = eventCount();

        assertThat(field(call("PATCH", "/v1/sdk/me", sdk, Map.of("email", "not-an-email"), 422))).isEqualTo("email");
        assertThat(field(call("PATCH", "/v1/sdk/me", sdk, Map.of("name", "x".repeat(101)), 400))).isEqualTo("name");
        assertThat(field(call("PATCH", "/v1/sdk/me", sdk, Map.of("attributes", Map.of("9lives", 1)), 422)))
                .isEqualTo("attributes");
        assertThat(field(call("PATCH", "/v1/sdk/me", sdk,
                Map.of("attributes", Map.of("note", "x".repeat(1001))), 422))).isEqualTo("attributes.note");
        assertThat(field(call("PATCH", "/v1/sdk/me", sdk,
                Map.of("attributes", Map.of("address", Map.of("city", "Vienna"))), 422))).isEqualTo("attributes.address");
        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i <= 50; i++) {
            tooMany.put("a" + i, i);
        }
        assertThat(field(call("PATCH", "/v1/sdk/me", sdk, Map.of("attributes", tooMany), 422))).isEqualTo("attributes");
        call("PATCH", "/v1/sdk/me", Map.of("X-Plugin-Key", tenant.get("pluginKey").asString()), Map.of("name", "x"), 401);
        assertThat(eventCount()).isEqualTo(events);

        Map<String, Object> change = Map.of("name", "Jonas", "email", "jonas@example.org",
                "attributes", Map.of("plan", "pro", "seats", 12, "vip", true));
        assertThat(call("PATCH", "/v1/sdk/me", sdk, change, 200).get("changed").asBoolean()).isTrue();
        assertThat(call("PATCH", "/v1/sdk/me", sdk, change, 200).get("changed").asBoolean()).isFalse();
        assertThat(storedTypes(user.get("userId").asString()))
                .containsExactly("UserBooted", "UserProfileUpdated", "UserAttributesUpdated");
    }

    @Test
    void givenTwoOrganizations_whenAnIntegrationTouchesTheOthersUser_thenNotFound() throws Exception {
        String userOfA = boot(tenant.get("pluginKey").asString(), Map.of()).get("userId").asString();
        JsonNode b = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "B Corp",
                "ownerEmail", "b-" + UUID.randomUUID() + "@b.test", "ownerPassword", PASSWORD), 201);
        String userOfB = boot(b.get("pluginKey").asString(), Map.of()).get("userId").asString();
        long events = eventCount();

        call("PATCH", "/v1/integration/users/" + userOfB, apiHeaders(tenant), Map.of("name", "Mallory"), 404);
        call("PATCH", "/v1/integration/users/usr_unknown", apiHeaders(tenant), Map.of("name", "Mallory"), 404);
        call("PATCH", "/v1/integration/users/" + userOfA, apiHeaders(b), Map.of("name", "Mallory"), 404);
        assertThat(field(call("PATCH", "/v1/integration/users/bad%20id", apiHeaders(tenant), Map.of("name", "x"), 400)))
                .isEqualTo("userId");
        assertThat(eventCount()).isEqualTo(events);

        call("PATCH", "/v1/integration/users/" + userOfA, apiHeaders(tenant), Map.of("name", "Alice"), 200);
    }

    private String envId() {
        return tenant.get("environmentId").asString();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private List<String> storedTypes(String aggregateId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = :id order by sequence_number")
                .param("id", aggregateId)
                .query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1)).toList();
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }

    private static Map<String, Object> member(String memberId, String memberHash) {
        return Map.of("memberId", memberId, "memberHash", memberHash);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private JsonNode boot(String pluginKey, Map<String, Object> body) throws Exception {
        return call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), body, 200);
    }

    private static Map<String, String> apiHeaders(JsonNode keys) {
        return Map.of("X-API-Key", keys.get("apiKey").asString(), "X-API-Secret", keys.get("apiSecret").asString());
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private String login(String login) throws Exception {
        return call("POST", "/v1/auth/login", Map.of(), Map.of("login", login, "password", PASSWORD), 200)
                .get("accessToken").asString();
    }

    /** An agent of the signed-up organization with the given role, logged in. */
    private String addAgent(Role role) throws Exception {
        String login = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@acme.test";
        commands.sendAndWait(new AddAgent(new AgentId(Ids.random("ag")),
                new OrganizationId(tenant.get("organizationId").asString()), login, role,
                new PersonProfile("Test " + role, login, null), passwords.encode(PASSWORD)));
        return login(login);
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expectedStatus)
            throws Exception {
        return CommandSideTesting.call(port, method, path, headers, body, expectedStatus);
    }
}
