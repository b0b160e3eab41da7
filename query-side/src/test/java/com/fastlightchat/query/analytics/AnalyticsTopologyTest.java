package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.query.chat.ChatStory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics topology in {@link TopologyTestDriver}: the figures of known conversations, replays, duplicates. */
class AnalyticsTopologyTest {

    static final AnalyticsTopics TOPICS = AnalyticsTopics.withPrefix("");
    static final OrganizationId ACME = new OrganizationId("org_acme");
    static final OrganizationId BERLIN = new OrganizationId("org_berlin");
    /** A Monday. */
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");

    /** Results of one run: the last state of every bucket and backlog. */
    record Results(Map<String, Bucket> buckets, Map<String, LiveBacklog> live) {
        Bucket bucket(OrganizationId org, Bucket.Scope scope, String id, Bucket.Window window, String start) {
            return buckets.get(Bucket.id(org.value(), scope, id, window, Instant.parse(start)));
        }
    }

    static Results run(List<EventEnvelope> organizationEvents, List<EventEnvelope> chatEvents) {
        StreamsBuilder builder = new StreamsBuilder();
        // in-memory stores keep this fast; AnalyticsIT runs the RocksDB stores of the service
        AnalyticsTopology.build(builder, TOPICS, Stores::inMemoryKeyValueStore);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        config.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/analytics-topology-test-"
                + System.nanoTime());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, EventEnvelope> organizations = driver.createInputTopic(TOPICS.organizationEvents(),
                    Serdes.String().serializer(), AnalyticsSerdes.ENVELOPE.serializer());
            TestInputTopic<String, EventEnvelope> chats = driver.createInputTopic(TOPICS.chatEvents(),
                    Serdes.String().serializer(), AnalyticsSerdes.ENVELOPE.serializer());
            organizationEvents.forEach(e -> organizations.pipeInput(e.aggregateId(), e));
            chatEvents.forEach(e -> chats.pipeInput(e.aggregateId(), e));
            return new Results(
                    driver.createOutputTopic(TOPICS.buckets(), Serdes.String().deserializer(),
                            AnalyticsSerdes.BUCKET.deserializer()).readKeyValuesToMap(),
                    driver.createOutputTopic(TOPICS.live(), Serdes.String().deserializer(),
                            AnalyticsSerdes.LIVE_BACKLOG.deserializer()).readKeyValuesToMap());
        }
    }

    static ChatStory story(OrganizationId org, String chat, Instant start) {
        return new ChatStory(org, new EnvironmentId("env_1"), chat, new UserId("usr_" + chat), start, Duration.ZERO);
    }

    /** Opened 10:00, user 10:01, assigned to ag_1 (team_1) and answered 10:03, user 10:10, answered 10:11, closed
     *  10:30, reopened by an agent 11:05 and answered 11:06. */
    static ChatStory conversation() {
        return story(ACME, "ch_1", MONDAY_10).opened()
                .after(Duration.ofMinutes(1)).userSays("m1", "hello?")
                .after(Duration.ofMinutes(2)).assigned("ag_1", "team_1").agentSays("ag_1", "m2", "hi!")
                .after(Duration.ofMinutes(7)).userSays("m3", "my invoice")
                .after(Duration.ofMinutes(1)).note("ag_1", "m4", "internal").agentSays("ag_1", "m5", "here it is")
                .after(Duration.ofMinutes(19)).closed()
                .after(Duration.ofMinutes(35)).reopened(ReopenReason.AGENT)
                .after(Duration.ofMinutes(1)).agentSays("ag_1", "m6", "one more thing");
    }

    /** Opened at 10:20 and still waiting, nobody assigned. */
    static ChatStory waiting() {
        return story(ACME, "ch_2", MONDAY_10.plus(Duration.ofMinutes(20))).opened().userSays("w1", "anyone?");
    }

    @Test
    void givenConversation_whenCounted_thenHourlyFiguresFollowTheDefinitions() {
        Results results = run(List.of(), concat(conversation().events(), waiting().events()));

        Bucket hour10 = results.bucket(ACME, Bucket.Scope.ORGANIZATION, "", Bucket.Window.HOUR, "2026-11-23T10:00:00Z");
        assertThat(List.of(hour10.chatsOpened(), hour10.chatsClosed(), hour10.chatsReopened(), hour10.messagesIn(),
                hour10.messagesOut())).containsExactly(2L, 1L, 0L, 3L, 2L);
        assertThat(hour10.firstResponse().calendar()).containsExactly(180_000L);
        assertThat(hour10.reply().calendar()).containsExactly(60_000L, 120_000L);
        assertThat(hour10.resolution().calendar()).containsExactly(1_800_000L);
        assertThat(TimeStats.of(hour10.reply().calendar())).isEqualTo(new TimeStats(2, 90.0, 120.0, 90.0));

        Bucket hour11 = results.bucket(ACME, Bucket.Scope.ORGANIZATION, "", Bucket.Window.HOUR, "2026-11-23T11:00:00Z");
        assertThat(List.of(hour11.chatsOpened(), hour11.chatsReopened(), hour11.messagesOut())).containsExactly(0L, 1L, 1L);
        assertThat(hour11.firstResponse().calendar()).as("waiting again from the reopen").containsExactly(60_000L);
        assertThat(hour11.reply().calendar()).as("no user message to answer").isEmpty();

        Bucket day = results.bucket(ACME, Bucket.Scope.ORGANIZATION, "", Bucket.Window.DAY, "2026-11-23T00:00:00Z");
        assertThat(List.of(day.chatsOpened(), day.chatsClosed(), day.chatsReopened(), day.messagesIn(),
                day.messagesOut())).containsExactly(2L, 1L, 1L, 3L, 3L);
        assertThat(day.firstResponse().calendar()).containsExactly(60_000L, 180_000L);
    }

    @Test
    void givenConversation_whenCounted_thenTeamAndAgentFiguresFollowTheChatsAssignmentAtTheTime() {
        Results results = run(List.of(), conversation().events());

        Bucket team = results.bucket(ACME, Bucket.Scope.TEAM, "team_1", Bucket.Window.HOUR, "2026-11-23T10:00:00Z");
        assertThat(List.of(team.chatsOpened(), team.chatsClosed(), team.messagesIn(), team.messagesOut()))
                .as("opened and first message before the assignment").containsExactly(0L, 1L, 1L, 2L);
        assertThat(team.firstResponse().calendar()).containsExactly(180_000L);
        Bucket agent = results.bucket(ACME, Bucket.Scope.AGENT, "ag_1", Bucket.Window.HOUR, "2026-11-23T10:00:00Z");
        assertThat(List.of(agent.chatsClosed(), agent.messagesIn(), agent.messagesOut())).containsExactly(1L, 1L, 2L);
        assertThat(agent.reply().calendar()).containsExactly(60_000L, 120_000L);
        assertThat(agent.resolution().calendar()).containsExactly(1_800_000L);
        assertThat(results.buckets().keySet()).noneMatch(id -> id.contains("/agent/ag_2/"));
    }

    @Test
    void givenChatsOpeningAndMoving_whenCounted_thenLiveBacklogAndLoadsAreTheCurrentOnes() {
        ChatStory snoozed = story(ACME, "ch_3", MONDAY_10).opened().assigned("ag_2", null)
                .snoozed(MONDAY_10.plus(Duration.ofDays(1)));
        ChatStory closed = story(ACME, "ch_4", MONDAY_10).opened().assigned("ag_2", null).closed();

        Results results = run(List.of(),
                concat(conversation().events(), waiting().events(), snoozed.events(), closed.events()));

        LiveBacklog live = results.live().get(ACME.value());
        assertThat(live.unassigned()).as("ch_2").isEqualTo(1);
        assertThat(live.waiting()).as("ch_2 (ch_3 is snoozed)").isEqualTo(1);
        assertThat(live.loads()).containsExactlyInAnyOrderEntriesOf(Map.of("ag_1", 1L, "ag_2", 1L));
    }

    @Test
    void givenOpeningHours_whenAnsweredAfterTheWeekend_thenBusinessTimeCountsOnlyOpenHours() {
        EventEnvelope hours = EventEnvelope.of("hours-1", 1, Instant.parse("2026-11-01T00:00:00Z"), null, null,
                new OpeningHoursSet(BERLIN, new OpeningHours("Europe/Berlin", weekdays("09:00", "17:00")),
                        new AgentId("ag_owner")));
        // Friday 16:30 in Berlin (UTC+1), answered Monday 09:30 in Berlin
        ChatStory weekend = story(BERLIN, "ch_b", Instant.parse("2026-11-27T15:30:00Z")).opened()
                .after(Duration.ofHours(65)).agentSays("ag_1", "b1", "good morning");

        Results results = run(List.of(hours), weekend.events());

        Bucket monday = results.bucket(BERLIN, Bucket.Scope.ORGANIZATION, "", Bucket.Window.HOUR, "2026-11-30T08:00:00Z");
        assertThat(monday.firstResponse().calendar()).containsExactly(Duration.ofHours(65).toMillis());
        assertThat(monday.firstResponse().business()).containsExactly(Duration.ofHours(1).toMillis());
        Bucket acme = run(List.of(hours), conversation().events())
                .bucket(ACME, Bucket.Scope.ORGANIZATION, "", Bucket.Window.HOUR, "2026-11-23T10:00:00Z");
        assertThat(acme.reply().business()).as("without opening hours, always open")
                .isEqualTo(acme.reply().calendar());
    }

    @Test
    void givenTheSameEvents_whenReplayedInAnotherInterleavingOfChats_thenEveryNumberIsTheSame() {
        List<ChatStory> stories = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 30; i++) {
            ChatStory story = story(i % 2 == 0 ? ACME : BERLIN, "ch_r" + i,
                    MONDAY_10.plus(Duration.ofMinutes(random.nextInt(600)))).opened();
            for (int turn = 0; turn < 1 + random.nextInt(4); turn++) {
                story.after(Duration.ofMinutes(random.nextInt(90))).userSays("r" + i + "u" + turn, "q");
                if (random.nextBoolean()) {
                    story.assigned("ag_" + random.nextInt(3), "team_" + random.nextInt(2));
                }
                story.after(Duration.ofSeconds(random.nextInt(4000))).agentSays("ag_" + random.nextInt(3),
                        "r" + i + "a" + turn, "a");
            }
            if (random.nextBoolean()) {
                story.after(Duration.ofMinutes(random.nextInt(300))).closed();
            }
            stories.add(story);
        }
        EventEnvelope hours = EventEnvelope.of("hours-1", 1, Instant.parse("2026-11-01T00:00:00Z"), null, null,
                new OpeningHoursSet(BERLIN, new OpeningHours("Europe/Berlin", weekdays("08:00", "12:00")),
                        new AgentId("ag_owner")));

        Results first = run(List.of(hours), interleaved(stories, new Random(1)));
        Results again = run(List.of(hours), interleaved(stories, new Random(2)));

        assertThat(first.buckets()).hasSizeGreaterThan(50);
        assertThat(again.buckets()).isEqualTo(first.buckets());
        assertThat(again.live()).isEqualTo(first.live());
    }

    @Test
    void givenEveryEventDelivered_whenDeliveredAgain_thenNothingChanges() {
        List<EventEnvelope> events = concat(conversation().events(), waiting().events());

        Results once = run(List.of(), events);
        Results twice = run(List.of(), concat(events, events));

        assertThat(twice).isEqualTo(once);
    }

    static List<OpeningHours.Period> weekdays(String from, String to) {
        List<OpeningHours.Period> periods = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            periods.add(new OpeningHours.Period(day, from, to));
        }
        return periods;
    }

    /** The stories' events, each chat's in order, chats interleaved at random. */
    static List<EventEnvelope> interleaved(List<ChatStory> stories, Random random) {
        List<List<EventEnvelope>> queues = new ArrayList<>();
        stories.forEach(story -> queues.add(new ArrayList<>(story.events())));
        List<EventEnvelope> result = new ArrayList<>();
        while (!queues.isEmpty()) {
            List<EventEnvelope> queue = queues.get(random.nextInt(queues.size()));
            result.add(queue.removeFirst());
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return result;
    }

    @SafeVarargs
    static List<EventEnvelope> concat(List<EventEnvelope>... lists) {
        List<EventEnvelope> all = new ArrayList<>();
        for (List<EventEnvelope> list : lists) {
            all.addAll(list);
        }
        return Collections.unmodifiableList(all);
    }
}
