package com.fastlightchat.command.privacy;

import com.fastlightchat.command.CommandSideTesting;
import com.fastlightchat.command.agent.AddAgent;
import com.fastlightchat.command.environment.MemberSecrets;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data on real PostgreSQL and Kafka: it is never stored or published in plain text (the raw bytes of the
 * event store, its snapshots and every Kafka record are searched for it), the service itself reads it back, and
 * erasing a user (with the users merged into it) deletes their keys, after which every stored and published copy
 * reads as erased while the rest of the history stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(PersonalDataIT.class);
    static final String SERVICE_TOKEN = "personal-data-it-service-token-0123456789";
    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        CommandSideTesting.registerProperties(ISOLATION, registry);
        registry.add("flc.command.service-token", () -> SERVICE_TOKEN);
        registry.add("flc.command.snapshot-threshold", () -> 4);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnvelopeCodec codec;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    CommandGateway commands;
    @Autowired
    PasswordEncoder passwords;

    JsonNode tenant;
    String ownerToken;

    @BeforeEach
    void signUp() throws Exception {
        String login = "owner-" + UUID.randomUUID() + "@acme.test";
        tenant = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Acme", "ownerEmail", login,
                "ownerPassword", PASSWORD), 201);
        ownerToken = login(login);
    }

    @Test
    void givenProfileMemberIdAndMessages_whenStoredAndPublished_thenNoPlaintextInEventStoreSnapshotsOrKafka()
            throws Exception {
        String mark = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        List<String> plaintexts = List.of("Zelda Plaintextova " + mark, "zelda." + mark + "@example.org",
                "+43 660 " + mark, "ultramarine-" + mark, "98765" + mark, "member-" + mark,
                "my card number is " + mark, "passport-" + mark + ".pdf", "agent reply " + mark,
                "internal note about " + mark);
        JsonNode device = boot(Map.of());
        String userId = device.get("userId").asString();
        Map<String, String> sdk = sdk(device);
        call("PATCH", "/v1/sdk/me", sdk, Map.of("name", plaintexts.get(0), "email", plaintexts.get(1),
                "phone", plaintexts.get(2), "attributes", Map.of("colour", plaintexts.get(3),
                        "customerNumber", Long.parseLong(plaintexts.get(4)))), 200);
        boot(Map.of("veilId", device.get("veilId").asString(), "memberId", plaintexts.get(5),
                "memberHash", MemberSecrets.sign(tenant.get("memberSecret").asString(), plaintexts.get(5))));
        String chatId = call("POST", "/v1/sdk/chats", sdk, null, 201).get("chatId").asString();
        for (int i = 1; i <= 4; i++) {
            call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk,
                    Map.of("clientMessageId", "c-" + i, "text", plaintexts.get(6) + " #" + i), 201);
        }
        call("POST", "/v1/sdk/chats/" + chatId + "/messages", sdk, Map.of("clientMessageId", "c-file", "text", "",
                "attachments", List.of(Map.of("key", "uploads/" + mark, "fileName", plaintexts.get(7),
                        "contentType", "application/pdf", "size", 1234))), 201);
        call("POST", "/v1/chats/" + chatId + "/messages", bearer(ownerToken),
                Map.of("clientMessageId", "a-1", "text", plaintexts.get(8)), 201);
        String last = call("POST", "/v1/chats/" + chatId + "/messages", bearer(ownerToken),
                Map.of("clientMessageId", "a-2", "text", plaintexts.get(9), "visibility", "internal"), 201)
                .get("messageId").asString();

        List<EventEnvelope> published = CommandSideTesting.consumeChatEvents(ISOLATION, codec, chatId, 8);
        List<String> records = CommandSideTesting.publishedRecords(ISOLATION, value -> value.contains(last));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from snapshot_event_entry where aggregate_identifier = :chat")
                .param("chat", chatId).query(Long.class).single() > 0);

        for (String plaintext : plaintexts) {
            assertThat(rowsContaining("domain_event_entry", plaintext)).as("event store: %s", plaintext).isZero();
            assertThat(rowsContaining("snapshot_event_entry", plaintext)).as("snapshots: %s", plaintext).isZero();
            assertThat(records).as("Kafka: %s", plaintext).noneMatch(record -> record.contains(plaintext));
        }
        assertThat(records).anyMatch(record -> record.contains("\"enc:v1:" + userId + ":"));
        String snapshot = jdbc.sql("select convert_from(payload, 'UTF8') from snapshot_event_entry "
                        + "where aggregate_identifier = :chat order by sequence_number desc limit 1")
                .param("chat", chatId).query(String.class).single();
        assertThat(snapshot).contains("\"contentDigest\":\"enc:v1:" + userId + ":")
                .doesNotContainPattern("\"contentDigest\":\"[0-9a-f]{64}\"");
        // the service itself reads everything back
        assertThat(published).extracting(EventEnvelope::payload).filteredOn(MessagePosted.class::isInstance)
                .extracting(event -> ((MessagePosted) event).content().text())
                .contains(plaintexts.get(6) + " #1", plaintexts.get(8), plaintexts.get(9));
        assertThat(records.stream().map(codec::decode).map(EventEnvelope::payload)
                .filter(UserProfileUpdated.class::isInstance).map(UserProfileUpdated.class::cast)
                .filter(event -> event.userId().value().equals(userId)).findFirst().orElseThrow().profile())
                .isEqualTo(new PersonProfile(plaintexts.get(0), plaintexts.get(1), plaintexts.get(2)));
    }

    @Test
    void givenMemberWithAMergedDevice_whenOwnerErasesTheDeviceUser_thenBothKeysAreGoneAndEveryCopyReadsAsErased()
            throws Exception {
        String memberId = "member-" + UUID.randomUUID();
        Map<String, Object> login = Map.of("memberId", memberId,
                "memberHash", MemberSecrets.sign(tenant.get("memberSecret").asString(), memberId));
        JsonNode laptop = boot(login);
        String member = laptop.get("userId").asString();
        call("PATCH", "/v1/sdk/me", sdk(laptop), Map.of("name", "Maria Musterfrau"), 200);
        String laptopChat = call("POST", "/v1/sdk/chats", sdk(laptop), null, 201).get("chatId").asString();
        call("POST", "/v1/sdk/chats/" + laptopChat + "/messages", sdk(laptop),
                Map.of("clientMessageId", "l-1", "text", "laptop secret"), 201);
        call("POST", "/v1/chats/" + laptopChat + "/messages", bearer(ownerToken),
                Map.of("clientMessageId", "a-1", "text", "hello Maria"), 201);
        JsonNode phone = boot(Map.of());
        String phoneUser = phone.get("userId").asString();
        String phoneChat = call("POST", "/v1/sdk/chats", sdk(phone), null, 201).get("chatId").asString();
        call("POST", "/v1/sdk/chats/" + phoneChat + "/messages", sdk(phone),
                Map.of("clientMessageId", "p-1", "text", "phone secret"), 201);
        Map<String, Object> phoneLogin = new HashMap<>(login);
        phoneLogin.put("veilId", phone.get("veilId").asString());
        assertThat(boot(phoneLogin).get("userId").asString()).isEqualTo(member);
        await().atMost(Duration.ofSeconds(30)).until(() -> member.equals(jdbc.sql(
                "select user_id from user_chats where chat_id = :chat").param("chat", phoneChat)
                .query(String.class).single()));
        assertThat(keyStatus(member)).isEqualTo(200);

        JsonNode erased = call("DELETE", "/v1/users/" + phoneUser + "/personal-data", bearer(ownerToken), null, 200);

        assertThat(erased.get("userId").asString()).isEqualTo(phoneUser);
        assertThat(JSON.convertValue(erased.get("erasedUserIds"), List.class)).containsExactly(phoneUser, member);
        for (String user : List.of(phoneUser, member)) {
            assertThat(jdbc.sql("select sealed_key is null and erased_at is not null from personal_data_keys "
                    + "where subject_id = :s").param("s", user).query(Boolean.class).single()).as(user).isTrue();
            assertThat(keyStatus(user)).as(user).isEqualTo(410);
        }
        List<String> records = CommandSideTesting.publishedRecords(ISOLATION,
                value -> value.contains("\"user.erased\"") && value.contains("\"aggregateId\":\"" + member + "\""));
        List<EventEnvelope> envelopes = records.stream().map(codec::decode)
                .filter(envelope -> envelope.organizationId().equals(org().value())).toList();
        assertThat(envelopes).extracting(EventEnvelope::payload).filteredOn(UserErased.class::isInstance)
                .containsExactlyInAnyOrder(
                        new UserErased(org(), new UserId(phoneUser), env(), List.of()),
                        new UserErased(org(), new UserId(member), env(),
                                List.of(new ChatId(laptopChat), new ChatId(phoneChat)).stream().sorted(
                                        java.util.Comparator.comparing(ChatId::value)).toList()));
        // historic Kafka records stay readable, their personal data as erased, everything else intact
        List<MessagePosted> messages = envelopes.stream().map(EventEnvelope::payload)
                .filter(MessagePosted.class::isInstance).map(MessagePosted.class::cast)
                .filter(m -> m.chatId().value().equals(laptopChat) || m.chatId().value().equals(phoneChat)).toList();
        assertThat(messages).hasSize(3).allSatisfy(m ->
                assertThat(m.content().text()).isEqualTo(PersonalDataCipher.ERASED));
        assertThat(envelopes.stream().filter(e -> e.aggregateId().equals(laptopChat)).map(EventEnvelope::sequence))
                .containsExactly(1L, 2L, 3L);
        // so do the rows of the event store
        List<String> stored = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry "
                        + "where aggregate_identifier in (:ids)")
                .param("ids", List.of(member, phoneUser, laptopChat, phoneChat)).query(String.class).list();
        assertThat(stored).isNotEmpty().allSatisfy(row ->
                assertThat(cipher.openAll(JSON.readTree(row)).toString()).doesNotContain("secret", "Maria", memberId));

        // nothing new of theirs is recorded; asking again changes nothing
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        call("PATCH", "/v1/sdk/me", sdk(laptop), Map.of("name", "Back again"), 409);
        call("POST", "/v1/sdk/chats/" + laptopChat + "/messages", sdk(laptop),
                Map.of("clientMessageId", "l-2", "text", "after erasure"), 409);
        call("POST", "/v1/chats/" + phoneChat + "/messages", bearer(ownerToken),
                Map.of("clientMessageId", "a-2", "text", "anyone?"), 409);
        JsonNode again = call("DELETE", "/v1/users/" + member + "/personal-data", bearer(ownerToken), null, 200);
        assertThat(JSON.convertValue(again.get("erasedUserIds"), List.class)).containsExactly(phoneUser, member);
        assertThat(jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single()).isEqualTo(events);

        // the member logging in again is a new person to us, on a fresh veil id
        JsonNode fresh = boot(phoneLogin);
        assertThat(fresh.get("userId").asString()).isNotIn(member, phoneUser);
        assertThat(fresh.get("veilId").asString()).isNotIn(laptop.get("veilId").asString(),
                phone.get("veilId").asString());
    }

    @Test
    void givenCallersOfAllKinds_whenErasing_thenOnlyOwnersAdminsAndTheEnvironmentsIntegrationMay() throws Exception {
        JsonNode device = boot(Map.of());
        String userId = device.get("userId").asString();
        call("PATCH", "/v1/sdk/me", sdk(device), Map.of("name", "Erin"), 200);

        call("DELETE", "/v1/users/" + userId + "/personal-data", bearer(addAgent(Role.AGENT)), null, 403);
        call("DELETE", "/v1/users/" + userId + "/personal-data", Map.of(), null, 401);
        call("DELETE", "/v1/users/not%20a%20valid%20id/personal-data", bearer(ownerToken), null, 400);
        call("DELETE", "/v1/users/usr_unknown/personal-data", bearer(ownerToken), null, 404);
        String otherLogin = "other-" + UUID.randomUUID() + "@acme.test";
        JsonNode other = call("POST", "/v1/signup", Map.of(), Map.of("organizationName", "Other",
                "ownerEmail", otherLogin, "ownerPassword", PASSWORD), 201);
        call("DELETE", "/v1/users/" + userId + "/personal-data", bearer(login(otherLogin)), null, 404);
        call("DELETE", "/v1/integration/users/" + userId + "/personal-data", apiHeaders(other), null, 404);
        assertThat(keyStatus(userId)).isEqualTo(200);

        JsonNode erased = call("DELETE", "/v1/integration/users/" + userId + "/personal-data", apiHeaders(tenant),
                null, 200);

        assertThat(JSON.convertValue(erased.get("erasedUserIds"), List.class)).containsExactly(userId);
        assertThat(keyStatus(userId)).isEqualTo(410);
    }

    @Test
    void givenKeyEndpoint_whenCalledWithoutTheServiceTokenOrForUnknownSubjects_thenNoKeyIsHandedOut() throws Exception {
        String userId = boot(Map.of()).get("userId").asString();
        call("PATCH", "/v1/sdk/me", sdk(boot(Map.of())), Map.of("name", "Somebody"), 200);

        assertThat(status(userId, null)).isEqualTo(401);
        assertThat(status(userId, "wrong-token")).isEqualTo(401);
        assertThat(status("usr_never_seen", SERVICE_TOKEN)).isEqualTo(404);
        assertThat(status("bad%20id", SERVICE_TOKEN)).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from personal_data_keys where subject_id = :s").param("s", userId)
                .query(Long.class).single()).as("a user without personal data gets no key").isZero();
    }

    @Test
    void givenBatchKeyEndpoint_whenAskedForActiveErasedAndUnknownSubjects_thenOneAnswerMatchesTheSingleLookups()
            throws Exception {
        JsonNode active = boot(Map.of());
        call("PATCH", "/v1/sdk/me", sdk(active), Map.of("name", "Batch Active"), 200);
        JsonNode gone = boot(Map.of());
        call("PATCH", "/v1/sdk/me", sdk(gone), Map.of("name", "Batch Gone"), 200);
        String activeId = active.get("userId").asString();
        String goneId = gone.get("userId").asString();
        call("DELETE", "/v1/users/" + goneId + "/personal-data", bearer(ownerToken), null, 200);
        RemoteSubjectKeys remote = new RemoteSubjectKeys("http://localhost:" + port, SERVICE_TOKEN,
                Duration.ofSeconds(10));

        var keys = remote.openingKeys(List.of(activeId, goneId, "usr_never_seen"));

        assertThat(keys).containsOnlyKeys(activeId, goneId);
        assertThat(keys.get(activeId).orElseThrow().getEncoded())
                .isEqualTo(remote.openingKey(activeId).orElseThrow().getEncoded());
        assertThat(keys.get(goneId)).isEmpty();
        assertThat(batchStatus("{\"subjectIds\":[\"" + activeId + "\"]}", "wrong-token")).isEqualTo(401);
        assertThat(batchStatus("{\"subjectIds\":[\"" + activeId + "\",\"bad id\"]}", SERVICE_TOKEN))
                .isEqualTo(422);
        assertThat(batchStatus("{}", SERVICE_TOKEN)).isEqualTo(422);
        assertThat(batchStatus("{\"subjectIds\":[" + "\"usr_x\",".repeat(RemoteSubjectKeys.MAX_BATCH)
                + "\"usr_y\"]}", SERVICE_TOKEN)).isEqualTo(422);
    }

    private int batchStatus(String body, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + RemoteSubjectKeys.BATCH_PATH)).header(RemoteSubjectKeys.TOKEN_HEADER, token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 422) {
            assertThat(response.body()).contains("subjectIds");
        }
        return response.statusCode();
    }

    private int keyStatus(String subjectId) throws Exception {
        return status(subjectId, SERVICE_TOKEN);
    }

    private int status(String subjectId, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + RemoteSubjectKeys.PATH + subjectId)).GET();
        if (token != null) {
            request.header(RemoteSubjectKeys.TOKEN_HEADER, token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                    .contains("no-store"));
            assertThat(JSON.readTree(response.body()).get("subjectId").asString()).isEqualTo(subjectId);
        }
        return response.statusCode();
    }

    private long rowsContaining(String table, String plaintext) {
        return jdbc.sql("select count(*) from " + table + " where position(convert_to(:text, 'UTF8') in payload) > 0"
                        + " or position(convert_to(:text, 'UTF8') in coalesce(meta_data, ''::bytea)) > 0")
                .param("text", plaintext).query(Long.class).single();
    }

    private OrganizationId org() {
        return new OrganizationId(tenant.get("organizationId").asString());
    }

    private com.fastlightchat.kernel.id.EnvironmentId env() {
        return new com.fastlightchat.kernel.id.EnvironmentId(tenant.get("environmentId").asString());
    }

    private JsonNode boot(Map<String, Object> body) throws Exception {
        return call("POST", "/v1/sdk/boot", Map.of("X-Plugin-Key", tenant.get("pluginKey").asString()), body, 200);
    }

    private Map<String, String> sdk(JsonNode device) {
        return Map.of("X-Plugin-Key", tenant.get("pluginKey").asString(),
                "X-User-Token", device.get("userToken").asString());
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> apiHeaders(JsonNode keys) {
        return Map.of("X-API-Key", keys.get("apiKey").asString(), "X-API-Secret", keys.get("apiSecret").asString());
    }

    private String login(String login) throws Exception {
        return call("POST", "/v1/auth/login", Map.of(), Map.of("login", login, "password", PASSWORD), 200)
                .get("accessToken").asString();
    }

    private String addAgent(Role role) throws Exception {
        String login = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@acme.test";
        commands.sendAndWait(new AddAgent(new AgentId(Ids.random("ag")), org(), login, role,
                new PersonProfile("Test " + role, login, null), passwords.encode(PASSWORD)));
        return login(login);
    }

    private JsonNode call(String method, String path, Map<String, String> headers, Object body, int expectedStatus)
            throws Exception {
        return CommandSideTesting.call(port, method, path, headers, body, expectedStatus);
    }
}
