package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.analytics.AnalyticsSerdes;
import com.fastlightchat.query.analytics.AnalyticsTopics;
import com.fastlightchat.query.analytics.AnalyticsTopology;
import com.fastlightchat.query.analytics.Bucket;
import com.fastlightchat.query.analytics.Buckets;
import com.fastlightchat.query.analytics.LiveBacklog;
import com.fastlightchat.query.analytics.LiveBacklogs;
import com.fastlightchat.query.chat.ChatStory;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static com.fastlightchat.query.QueryTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analytics on a real broker and PostgreSQL: the Streams app inside the query side computes the figures of known
 * conversations as they are published, the HTTP contract serves them (and refuses bad input), Prometheus exports the
 * live backlog, the schemas are public, and a second run of the same topology from the first event (another
 * application id) recomputes exactly the numbers the live run stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(AnalyticsIT.class);
    static final String SECRET = "analytics-integration-test-secret-0123456789";
    static final QueryTestSupport SUPPORT = QueryTestSupport.forTest(ISOLATION, SECRET);
    static final OrganizationId ACME = new OrganizationId("org_acme_" + UUID.randomUUID().toString().substring(0, 8));
    static final OrganizationId BERLIN = new OrganizationId("org_berlin_" + UUID.randomUUID().toString().substring(0, 8));
    /** 10:00 UTC on a Monday at least two weeks ago: the broker refuses timestamps from the future. */
    static final Instant MONDAY_10 = LocalDate.now(ZoneOffset.UTC).minusWeeks(2)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final ZoneId BERLIN_TIME = ZoneId.of("Europe/Berlin");
    /** Friday 16:30 and Monday 09:30 in Berlin, the weekend before {@link #MONDAY_10}. */
    static final ZonedDateTime FRIDAY_1630 = MONDAY_10.atZone(BERLIN_TIME).toLocalDate().minusDays(3)
            .atTime(16, 30).atZone(BERLIN_TIME);
    static final ZonedDateTime MONDAY_0930 = FRIDAY_1630.toLocalDate().plusDays(3).atTime(9, 30).atZone(BERLIN_TIME);
    static final String DAY = MONDAY_10.truncatedTo(ChronoUnit.DAYS).toString();
    static final String NEXT_DAY = MONDAY_10.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).toString();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        SUPPORT.register(registry, SECRET);
        registry.add("flc.query.analytics.enabled", () -> true);
        registry.add("flc.query.analytics.state-dir",
                Files.createTempDirectory("analytics-it-")::toString);
        registry.add("flc.query.analytics.output-partitions", () -> 3);
        registry.add("flc.query.analytics.gauge-refresh", () -> "1s");
    }

    @AfterAll
    static void closeProducer() {
        SUPPORT.producer().close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Buckets buckets;
    @Autowired
    LiveBacklogs backlogs;

    static ChatStory story(OrganizationId org, String chat, Instant start) {
        return new ChatStory(org, new EnvironmentId("env_1"), chat + "_" + org.value(), new UserId("usr_" + chat),
                start, Duration.ZERO);
    }

    @Test
    void givenConversationsPublishedLive_whenQueried_thenFiguresFollowTheDefinitionsAndAReplayRecomputesThemExactly()
            throws Exception {
        // published in two rounds while the app runs, so the live run is incremental
        EventEnvelope created = EventEnvelope.of("acme-1", 1, MONDAY_10.minus(Duration.ofDays(30)), null, null,
                new OrganizationCreated(ACME, "Acme", new AgentId("ag_owner")));
        EventEnvelope berlinCreated = EventEnvelope.of("berlin-1", 1, MONDAY_10.minus(Duration.ofDays(31)), null, null,
                new OrganizationCreated(BERLIN, "Berlin GmbH", new AgentId("ag_owner")));
        EventEnvelope hours = EventEnvelope.of("berlin-2", 2, MONDAY_10.minus(Duration.ofDays(30)), null, null,
                new OpeningHoursSet(BERLIN, new OpeningHours(BERLIN_TIME.getId(), List.of(
                        new OpeningHours.Period(DayOfWeek.FRIDAY, "09:00", "17:00"),
                        new OpeningHours.Period(DayOfWeek.MONDAY, "09:00", "17:00"))), new AgentId("ag_owner")));
        ChatStory answered = story(ACME, "ch_1", MONDAY_10).opened()
                .after(Duration.ofMinutes(1)).userSays("m1", "hello?")
                .after(Duration.ofMinutes(2)).assigned("ag_1", "team_1").agentSays("ag_1", "m2", "hi!")
                .after(Duration.ofMinutes(7)).userSays("m3", "my invoice")
                .after(Duration.ofMinutes(1)).agentSays("ag_1", "m4", "here it is")
                .after(Duration.ofMinutes(19)).closed();
        ChatStory waiting = story(ACME, "ch_2", MONDAY_10.plus(Duration.ofMinutes(20))).opened()
                .userSays("w1", "anyone?");
        // Friday 16:30 in Berlin, answered Monday 09:30 in Berlin: 65 hours, one of them business time
        Duration overWeekend = Duration.between(FRIDAY_1630, MONDAY_0930);
        ChatStory weekend = story(BERLIN, "ch_b", FRIDAY_1630.toInstant()).opened()
                .assigned("ag_b", null).after(overWeekend).agentSays("ag_b", "b1", "good morning");
        List.of(created, berlinCreated, hours).forEach(SUPPORT::publish);
        answered.events().forEach(SUPPORT::publish);
        weekend.events().forEach(SUPPORT::publish);
        var acmeAgent = SUPPORT.agent(ACME.value(), "ag_1", "AGENT");

        JsonNode firstRound = await().atMost(Duration.ofSeconds(120)).until(
                () -> json(QueryTestSupport.get(port, "/v1/analytics/metrics?window=hour&from=" + DAY
                        + "&to=" + NEXT_DAY, acmeAgent), 200),
                body -> body.get("buckets").size() == 1
                        && body.get("buckets").get(0).get("chatsClosed").asLong() == 1);
        assertThat(firstRound.get("scope").asString()).isEqualTo("organization");
        assertThat(firstRound.get("id").isNull()).isTrue();

        waiting.events().forEach(SUPPORT::publish);
        answered.after(Duration.ofMinutes(35)).reopened(ReopenReason.AGENT)
                .after(Duration.ofMinutes(1)).agentSays("ag_1", "m5", "one more thing");
        answered.events().subList(answered.events().size() - 2, answered.events().size()).forEach(SUPPORT::publish);
        String query = "/v1/analytics/metrics?scope=organization&window=hour&from=" + DAY + "&to=" + NEXT_DAY
                + "&businessHours=false";
        JsonNode metrics = await().atMost(Duration.ofSeconds(120)).until(
                () -> json(QueryTestSupport.get(port, query, acmeAgent), 200),
                body -> body.get("buckets").size() == 2
                        && body.get("buckets").get(0).get("chatsOpened").asLong() == 2
                        && body.get("buckets").get(1).get("messagesOut").asLong() == 1);

        assertThat(metrics.get("window").asString()).isEqualTo("hour");
        assertThat(metrics.get("businessHours").asBoolean()).isFalse();
        JsonNode ten = metrics.get("buckets").get(0);
        assertThat(ten.get("start").asString()).isEqualTo(MONDAY_10.toString());
        assertThat(ten.get("end").asString()).isEqualTo(MONDAY_10.plus(Duration.ofHours(1)).toString());
        assertThat(List.of(ten.get("chatsOpened").asLong(), ten.get("chatsClosed").asLong(),
                ten.get("chatsReopened").asLong(), ten.get("messagesIn").asLong(), ten.get("messagesOut").asLong()))
                .containsExactly(2L, 1L, 0L, 3L, 2L);
        assertThat(stats(ten.get("firstResponseTime"))).containsExactly(1.0, 180.0, 180.0, 180.0);
        assertThat(stats(ten.get("replyTime"))).containsExactly(2.0, 90.0, 120.0, 90.0);
        assertThat(stats(ten.get("resolutionTime"))).containsExactly(1.0, 1800.0, 1800.0, 1800.0);
        JsonNode eleven = metrics.get("buckets").get(1);
        assertThat(eleven.get("chatsReopened").asLong()).isEqualTo(1);
        assertThat(eleven.get("replyTime").get("count").asLong()).isZero();
        assertThat(eleven.get("replyTime").get("medianSeconds").isNull()).isTrue();
        assertThat(eleven.get("replyTime").get("meanSeconds").isNull()).isTrue();

        JsonNode agentDay = json(QueryTestSupport.get(port, "/v1/analytics/metrics?scope=agent&id=ag_1&window=day"
                + "&from=" + MONDAY_10.minus(Duration.ofDays(20)) + "&to=" + MONDAY_10.plus(Duration.ofDays(5)),
                acmeAgent), 200);
        assertThat(agentDay.get("id").asString()).isEqualTo("ag_1");
        assertThat(agentDay.get("buckets")).hasSize(1);
        assertThat(agentDay.get("buckets").get(0).get("messagesOut").asLong()).isEqualTo(3);
        assertThat(agentDay.get("buckets").get(0).get("firstResponseTime").get("count").asLong()).isEqualTo(2);
        JsonNode team = json(QueryTestSupport.get(port, "/v1/analytics/metrics?scope=team&id=team_1&window=day"
                + "&from=" + DAY + "&to=" + NEXT_DAY, acmeAgent), 200);
        assertThat(team.get("buckets").get(0).get("chatsOpened").asLong()).as("opened before assignment").isZero();
        assertThat(team.get("buckets").get(0).get("chatsClosed").asLong()).isEqualTo(1);

        var berlinAgent = SUPPORT.agent(BERLIN.value(), "ag_b", "OWNER");
        Instant answeredHour = MONDAY_0930.toInstant().truncatedTo(ChronoUnit.HOURS);
        String monday = "/v1/analytics/metrics?window=hour&from=" + answeredHour + "&to="
                + answeredHour.plus(Duration.ofHours(1));
        JsonNode calendar = await().atMost(Duration.ofSeconds(60)).until(
                () -> json(QueryTestSupport.get(port, monday, berlinAgent), 200), body -> body.get("buckets").size() == 1);
        assertThat(calendar.get("buckets").get(0).get("firstResponseTime").get("medianSeconds").asDouble())
                .isEqualTo(overWeekend.toMillis() / 1000.0);
        JsonNode business = json(QueryTestSupport.get(port, monday + "&businessHours=true", berlinAgent), 200);
        assertThat(business.get("businessHours").asBoolean()).isTrue();
        assertThat(business.get("buckets").get(0).get("firstResponseTime").get("medianSeconds").asDouble())
                .isEqualTo(3600.0);
        JsonNode organization = await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(
                () -> json(QueryTestSupport.get(port, "/v1/organization", berlinAgent), 200),
                body -> !body.get("openingHours").isNull());
        assertThat(organization.get("openingHours").get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(organization.get("openingHours").get("periods").get(1).toString())
                .isEqualTo("{\"day\":\"MONDAY\",\"from\":\"09:00\",\"to\":\"17:00\"}");
        assertThat(json(QueryTestSupport.get(port, "/v1/analytics/metrics?window=hour&from=" + MONDAY_10 + "&to="
                + MONDAY_10.plus(Duration.ofHours(2)), berlinAgent), 200).get("buckets"))
                .as("another organization's figures").isEmpty();

        JsonNode live = await().atMost(Duration.ofSeconds(60)).until(
                () -> json(QueryTestSupport.get(port, "/v1/analytics/live", acmeAgent), 200),
                body -> body.get("unassigned").asLong() == 1);
        assertThat(live.get("waiting").asLong()).isEqualTo(1);
        assertThat(live.get("agents")).hasSize(1);
        assertThat(live.get("agents").get(0).get("agentId").asString()).isEqualTo("ag_1");
        assertThat(live.get("agents").get(0).get("load").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
                .contains("flc_analytics_backlog_unassigned{organization=\"" + ACME.value() + "\"} 1.0")
                .contains("flc_analytics_agent_load{agent=\"ag_1\",organization=\"" + ACME.value() + "\"} 1.0"));

        assertReplayRecomputesTheStoredFigures();
    }

    @Test
    void givenBadInput_whenQueryingMetrics_thenProblemsNameTheField() throws Exception {
        var agent = SUPPORT.agent(ACME.value(), "ag_1", "AGENT");
        String range = "&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/v1/analytics/metrics?scope=planet" + range, "scope");
        cases.put("/v1/analytics/metrics?scope=team" + range, "id");
        cases.put("/v1/analytics/metrics?scope=agent&id=bad%20id" + range, "id");
        cases.put("/v1/analytics/metrics?id=ag_1" + range, "id");
        cases.put("/v1/analytics/metrics?window=week" + range, "window");
        cases.put("/v1/analytics/metrics?to=2026-11-24T00:00:00Z", "from");
        cases.put("/v1/analytics/metrics?from=yesterday&to=2026-11-24T00:00:00Z", "from");
        cases.put("/v1/analytics/metrics?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", "to");
        cases.put("/v1/analytics/metrics?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to");
        cases.put("/v1/analytics/metrics?businessHours=yes" + range, "businessHours");
        for (var entry : cases.entrySet()) {
            JsonNode problem = json(QueryTestSupport.get(port, entry.getKey(), agent), 422);
            assertThat(problem.get("errors").get(0).get("field").asString()).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        assertThat(QueryTestSupport.get(port, "/v1/analytics/metrics?" + range, Map.of()).statusCode()).isEqualTo(401);
        assertThat(QueryTestSupport.get(port, "/v1/analytics/live", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void givenNoCredentials_whenReadingSchemas_thenIndexAndEverySchemaAreServed() throws Exception {
        JsonNode index = json(QueryTestSupport.get(port, "/v1/schemas", Map.of()), 200);
        assertThat(index.get("envelope").asString()).isEqualTo("/v1/schemas/envelope");
        List<String> types = new ArrayList<>();
        index.get("events").forEach(e -> types.add(e.get("type").asString() + "/" + e.get("version").asInt()));
        assertThat(types).contains("chat.opened/1", "organization.opening-hours-set/1");
        for (JsonNode event : index.get("events")) {
            var response = QueryTestSupport.get(port, event.get("href").asString(), Map.of());
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/schema+json"));
            assertThat(json(response, 200).get("$id").asString()).isEqualTo("https://fastlight.chat/schemas/"
                    + event.get("type").asString() + "/v" + event.get("version").asInt() + ".json");
        }
        assertThat(json(QueryTestSupport.get(port, "/v1/schemas/envelope", Map.of()), 200)
                .get("required").toString()).contains("occurredAt");
        assertThat(json(QueryTestSupport.get(port, "/v1/schemas/chat.opened/v1", Map.of()), 200)
                .get("title").asString()).isEqualTo("chat.opened v1");
        assertThat(QueryTestSupport.get(port, "/v1/schemas/chat.opened/9", Map.of()).statusCode()).isEqualTo(404);
        assertThat(QueryTestSupport.get(port, "/v1/schemas/chat.nothing/1", Map.of()).statusCode()).isEqualTo(404);
    }

    /** Runs the same topology from the first event under another application id into other output topics. */
    private void assertReplayRecomputesTheStoredFigures() throws Exception {
        String prefix = ISOLATION.topicPrefix();
        AnalyticsTopics topics = new AnalyticsTopics(Topics.prefixed(prefix, Topics.CHAT_EVENTS),
                Topics.prefixed(prefix, Topics.ORGANIZATION_EVENTS), prefix + "replay-buckets", prefix + "replay-live");
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.build(builder, topics);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "analytics-replay");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, ISOLATION.servers().kafkaBootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("analytics-replay-").toString());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        Map<String, Bucket> stored = buckets.all();
        Map<String, LiveBacklog> storedLive = new HashMap<>();
        backlogs.all().forEach(b -> storedLive.put(b.organizationId(), b));
        assertThat(stored).hasSizeGreaterThan(10);

        Map<String, Bucket> replayed = new HashMap<>();
        Map<String, LiveBacklog> replayedLive = new HashMap<>();
        try (KafkaStreams replay = new KafkaStreams(builder.build(), config);
             KafkaConsumer<String, byte[]> outputs = outputConsumer()) {
            replay.start();
            outputs.subscribe(List.of(topics.buckets(), topics.live()));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                outputs.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (record.topic().equals(topics.buckets())) {
                        replayed.put(record.key(), AnalyticsSerdes.BUCKET.deserializer().deserialize(null, record.value()));
                    } else {
                        replayedLive.put(record.key(),
                                AnalyticsSerdes.LIVE_BACKLOG.deserializer().deserialize(null, record.value()));
                    }
                });
                return replayed.equals(stored) && replayedLive.equals(storedLive);
            });
        }
        assertThat(replayed).isEqualTo(stored);
        assertThat(replayedLive).isEqualTo(storedLive);
    }

    private static KafkaConsumer<String, byte[]> outputConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ISOLATION.servers().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        return new KafkaConsumer<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    private String prometheus() throws Exception {
        return QueryTestSupport.get(port, "/actuator/prometheus", Map.of()).body();
    }

    private static List<Double> stats(JsonNode time) {
        return List.of(time.get("count").asDouble(), time.get("medianSeconds").asDouble(),
                time.get("p90Seconds").asDouble(), time.get("meanSeconds").asDouble());
    }
}
