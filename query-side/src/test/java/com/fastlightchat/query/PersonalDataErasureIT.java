package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.event.UserEvent;
import com.fastlightchat.kernel.event.UserEvent.CustomAttributes;
import com.fastlightchat.kernel.event.UserEvent.UserAttributesUpdated;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.SubjectKeys;
import com.fastlightchat.query.chat.ChatStory;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Messages;
import com.fastlightchat.query.rebuild.RebuildCommand;
import com.fastlightchat.query.user.Users;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.KeyServiceStandIn;
import com.fastlightchat.testservers.TestServers;
import com.mongodb.client.MongoClient;
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

import javax.crypto.SecretKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure on the query side, on real Kafka, PostgreSQL and the Mongo wire server, with a stand-in for the command
 * side's key endpoint: events arrive sealed as the command side publishes them and the read models show them opened;
 * once the user is erased (key deleted, {@code user.erased} published) users, messages and inbox rows hold nothing
 * personal of the user any more, the audit trail serves it as erased, and a rebuild from the topics (endpoint and
 * command line) equals the live models. Another user's data stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataErasureIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(PersonalDataErasureIT.class);
    static final String SECRET = "personal-data-erasure-test-secret-0123456789";
    static final String SERVICE_TOKEN = "key-service-token-for-query-tests";
    static final String ADMIN_TOKEN = "operator-token-for-erasure-tests";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final KeyServiceStandIn KEYS = new KeyServiceStandIn(SERVICE_TOKEN);
    static final EnvelopeCodec SEALING = EnvelopeCodec.sealing(new PersonalDataCipher(KEYS));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final OrganizationId ORG = new OrganizationId("org_gdpr");
    static final EnvironmentId ENV = new EnvironmentId("env_gdpr");
    static final UserId ZELDA = new UserId("usr_gdpr_zelda");
    static final UserId OSKAR = new UserId("usr_gdpr_oskar");
    static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    /** Zelda's personal data as she gave it; none of it may remain anywhere once she is erased. */
    static final List<String> ZELDAS = List.of("Zelda Plaintextova", "zelda.plaintextova@example.org",
            "+43 660 7654321", "member-zelda-4711", "ultramarine blue", "I live at Hauptstrasse 12",
            "passport-zelda.pdf", "Thanks Zelda, noted", "VIP customer, handle with care");
    static final String[] ZELDAS_ARRAY = ZELDAS.toArray(String[]::new);
    static final ChatStory ZELDAS_CHAT = new ChatStory(ORG, ENV, "ch_gdpr_zelda", ZELDA, START, Duration.ofSeconds(1))
            .opened().userSays("msg_z1", ZELDAS.get(5)).userSendsFile("msg_z2", ZELDAS.get(6))
            .agentSays("ag_1", "msg_z3", ZELDAS.get(7)).note("ag_1", "msg_z4", ZELDAS.get(8))
            .userSays("msg_z5", ZELDAS.get(5) + ", flat 3");
    static final ChatStory OSKARS_CHAT = new ChatStory(ORG, ENV, "ch_gdpr_oskar", OSKAR, START, Duration.ofSeconds(1))
            .opened().userSays("msg_o1", "Oskar keeps his words").agentSays("ag_1", "msg_o2", "and we keep them");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SUPPORT.register(registry, SECRET);
        registry.add("flc.query.command-base-url", KEYS::baseUrl);
        registry.add("flc.query.service-token", () -> SERVICE_TOKEN);
        registry.add("flc.query.admin-token", () -> ADMIN_TOKEN);
    }

    @BeforeAll
    static void publish() {
        userEvents(ZELDA, 1, new UserBooted(ORG, ZELDA, ENV, "veil_zelda"),
                new UserIdentified(ORG, ZELDA, ENV, ZELDAS.get(3)),
                new UserProfileUpdated(ORG, ZELDA, ENV, new PersonProfile(ZELDAS.get(0), ZELDAS.get(1), ZELDAS.get(2))),
                new UserAttributesUpdated(ORG, ZELDA, ENV, attributes("colour", ZELDAS.get(4), "visits", 12,
                        "vip", true, "note", "")));
        userEvents(OSKAR, 1, new UserBooted(ORG, OSKAR, ENV, "veil_oskar"),
                new UserProfileUpdated(ORG, OSKAR, ENV, new PersonProfile("Oskar Open", "oskar@example.org", null)));
        ZELDAS_CHAT.events().forEach(envelope -> SUPPORT.publish(envelope, SEALING));
        OSKARS_CHAT.events().forEach(envelope -> SUPPORT.publish(envelope, SEALING));
    }

    @AfterAll
    static void close() {
        SUPPORT.producer().close();
        KEYS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    JdbcClient jdbc;

    @Test
    void givenSealedEvents_whenErasingTheUser_thenReadModelsAuditAndRebuildsHoldNothingPersonalOfHers()
            throws Exception {
        var agent = SUPPORT.agent(ORG.value(), "ag_1", "ADMIN");
        await().atMost(Duration.ofSeconds(60)).until(() -> ready(agent));
        JsonNode before = QueryTestSupport.json(get("/v1/users/" + ZELDA.value(), agent), 200);
        assertThat(before.get("name").asString()).isEqualTo(ZELDAS.get(0));
        assertThat(before.get("attributes").get("visits").asLong()).isEqualTo(12);
        assertThat(before.get("erased").asBoolean()).isFalse();
        assertThat(messages(agent, ZELDAS_CHAT).findValuesAsString("text")).contains(ZELDAS.get(5), "");
        assertThat(rawMongo()).as("opened in the read models before the erasure").contains(ZELDAS.get(0));
        assertThat(rawAudit()).as("the audit trail keeps envelopes sealed").doesNotContain(ZELDAS_ARRAY);

        KEYS.erase(ZELDA.value());
        SUPPORT.publish(EventEnvelope.of("erase-zelda", 5, START.plusSeconds(60), null, null,
                new UserErased(ORG, ZELDA, ENV, List.of(new ChatId(ZELDAS_CHAT.chatId())))), SEALING);

        await().atMost(Duration.ofSeconds(60)).until(() -> !containsAny(rawMongo(), ZELDAS)
                && QueryTestSupport.json(get("/v1/users/" + ZELDA.value(), agent), 200).get("erased").asBoolean());
        JsonNode user = QueryTestSupport.json(get("/v1/users/" + ZELDA.value(), agent), 200);
        assertThat(List.of(user.get("name").asString(), user.get("email").asString(), user.get("phone").asString(),
                user.get("memberId").asString(), user.get("attributes").get("colour").asString(),
                user.get("attributes").get("visits").asString(), user.get("attributes").get("vip").asString()))
                .containsOnly(PersonalDataCipher.ERASED);
        assertThat(user.get("attributes").get("note").asString()).isEmpty();
        assertThat(user.get("chatIds").toString()).contains(ZELDAS_CHAT.chatId());
        JsonNode texts = messages(agent, ZELDAS_CHAT);
        assertThat(texts.findValuesAsString("text")).containsExactly(PersonalDataCipher.ERASED, "",
                PersonalDataCipher.ERASED, PersonalDataCipher.ERASED, PersonalDataCipher.ERASED);
        assertThat(texts.findValuesAsString("fileName")).containsExactly(PersonalDataCipher.ERASED);
        assertThat(texts.findValues("sequence").stream().map(JsonNode::asLong).toList())
                .as("non-personal history stays").containsExactly(2L, 3L, 4L, 5L, 6L);
        JsonNode row = QueryTestSupport.json(get("/v1/chats/" + ZELDAS_CHAT.chatId(), agent), 200);
        assertThat(row.get("lastMessage").get("text").asString()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(row.get("lastSequence").asLong()).isEqualTo(ZELDAS_CHAT.sequence());
        // Oskar is untouched
        assertThat(QueryTestSupport.json(get("/v1/users/" + OSKAR.value(), agent), 200).get("name").asString())
                .isEqualTo("Oskar Open");
        assertThat(messages(agent, OSKARS_CHAT).findValuesAsString("text")).contains("Oskar keeps his words");

        String audit = get("/v1/audit/aggregates/" + ZELDAS_CHAT.chatId(), agent).body();
        assertThat(audit).contains(PersonalDataCipher.ERASED).doesNotContain(ZELDAS_ARRAY)
                .doesNotContain(PersonalDataCipher.PREFIX);
        assertThat(audit.lines()).hasSize((int) ZELDAS_CHAT.sequence());
        assertThat(get("/v1/audit/aggregates/" + ZELDA.value(), agent).body()).doesNotContain(ZELDAS_ARRAY)
                .contains("\"user.erased\"");
        assertThat(get("/v1/audit/aggregates/" + OSKARS_CHAT.chatId(), agent).body())
                .as("what is not erased is opened for admins").contains("Oskar keeps his words");

        for (String model : List.of("users", "messages", "chats")) {
            JsonNode report = QueryTestSupport.json(post("/v1/admin/rebuilds/" + model + "?keep=true"), 200);
            assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();
            String database = report.get("location").asString().replace("mongodb database ", "");
            try {
                assertThat(containsAny(raw(new MongoTemplate(mongoClient, database)), ZELDAS))
                        .as("rebuilt %s", model).isFalse();
            } finally {
                mongoClient.getDatabase(database).drop();
            }
        }
        var out = new ByteArrayOutputStream();
        int exit = RebuildCommand.run(commandLine("messages"), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("EQUAL");
    }

    /**
     * An event sealed before the erasure but projected after it by an instance that still remembered the key (another
     * instance processed the erasure): the projection writes it opened, sees the chat's erasure mark, and scrubs it.
     */
    @Test
    void givenKeyStillRememberedAfterTheErasure_whenALateMessageIsProjected_thenItIsScrubbedAnyway() {
        MongoTemplate target = new MongoTemplate(mongoClient, ISOLATION.mongoDatabase() + "_late");
        try {
            UserId late = new UserId("usr_gdpr_late");
            ChatStory story = new ChatStory(ORG, ENV, "ch_gdpr_late", late, START, Duration.ofSeconds(1))
                    .opened().userSays("msg_l1", "said before the erasure").agentSays("ag_1", "msg_l2", "late reply");
            List<EventEnvelope> events = story.events();
            SecretKey key = KEYS.sealingKey(late.value()).orElseThrow();
            EnvelopeCodec staleCodec = EnvelopeCodec.sealing(new PersonalDataCipher(new SubjectKeys.OpeningOnly() {
                @Override
                public Optional<SecretKey> openingKey(String subjectId) {
                    return Optional.of(key);
                }
            }));
            Messages messages = new Messages(target, staleCodec);
            Chats chats = new Chats(target, staleCodec);
            for (EventEnvelope envelope : events.subList(0, 2)) {
                messages.project(record(envelope, SEALING));
                chats.project(record(envelope, SEALING));
            }
            EventEnvelope erased = EventEnvelope.of("erase-late", 2, START.plusSeconds(60), null, null,
                    new UserErased(ORG, late, ENV, List.of(new ChatId(story.chatId()))));
            messages.project(record(erased, SEALING));
            chats.project(record(erased, SEALING));

            messages.project(record(events.get(2), SEALING));
            chats.project(record(events.get(2), SEALING));

            assertThat(raw(target)).doesNotContain("said before the erasure", "late reply");
            assertThat(messages.after(story.chatId(), 0, 10, true)).extracting(Messages.MessageView::text)
                    .containsExactly(PersonalDataCipher.ERASED, PersonalDataCipher.ERASED);
            assertThat(chats.find(story.chatId()).orElseThrow().lastMessage().text()).isEqualTo(PersonalDataCipher.ERASED);
        } finally {
            target.getDb().drop();
        }
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record(EventEnvelope envelope,
                                                                                           EnvelopeCodec codec) {
        return new org.apache.kafka.clients.consumer.ConsumerRecord<>("topic", 0, envelope.sequence(),
                envelope.aggregateId(), codec.encode(envelope));
    }

    private static void userEvents(UserId user, long firstSequence, UserEvent... events) {
        long sequence = firstSequence;
        for (UserEvent event : events) {
            SUPPORT.publish(EventEnvelope.of(user.value() + "-" + sequence, sequence, START.plusSeconds(sequence),
                    null, null, event), SEALING);
            sequence++;
        }
    }

    private static CustomAttributes attributes(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new CustomAttributes(values);
    }

    private boolean ready(Map<String, String> agent) throws Exception {
        HttpResponse<String> user = get("/v1/users/" + ZELDA.value(), agent);
        HttpResponse<String> row = get("/v1/chats/" + ZELDAS_CHAT.chatId(), agent);
        return user.statusCode() == 200 && user.body().contains("\"visits\"")
                && row.statusCode() == 200 && row.body().contains("\"lastSequence\":" + ZELDAS_CHAT.sequence())
                && messages(agent, ZELDAS_CHAT).size() == 5 && messages(agent, OSKARS_CHAT).size() == 2
                && jdbc.sql("select count(*) from audit_events").query(Long.class).single() >= 15;
    }

    private JsonNode messages(Map<String, String> agent, ChatStory chat) throws Exception {
        HttpResponse<String> response = get("/v1/chats/" + chat.chatId() + "/messages?after=0", agent);
        return response.statusCode() == 200 ? QueryTestSupport.json(response, 200).get("messages")
                : tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    /** Every document of the user, message and inbox collections, as stored. */
    private String rawMongo() {
        return raw(mongo);
    }

    private static String raw(MongoTemplate template) {
        StringBuilder all = new StringBuilder();
        for (String collection : List.of(Users.COLLECTION, Messages.COLLECTION, Chats.COLLECTION)) {
            for (Document doc : template.getCollection(collection).find()) {
                all.append(doc.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    private String rawAudit() {
        return String.join("\n", jdbc.sql("select envelope::text from audit_events").query(String.class).list());
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }

    private String[] commandLine(String model) {
        List<String> args = new ArrayList<>(List.of("rebuild", model));
        ISOLATION.springBootProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--flc.query.topic-prefix=" + ISOLATION.topicPrefix(), "--flc.query.token-secret=" + SECRET,
                "--flc.query.command-base-url=" + KEYS.baseUrl(), "--flc.query.service-token=" + SERVICE_TOKEN));
        return args.toArray(String[]::new);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return QueryTestSupport.get(port, path, headers);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Admin-Token", ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
