package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.query.analytics.Bucket.Scope;
import com.fastlightchat.query.analytics.Bucket.Window;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The analytics topology, built by {@link #build} alone (no Spring, no broker), so that {@code TopologyTestDriver}
 * runs it as the service does:
 * <ol>
 *   <li>{@code chat-events} (keyed by chat) through each chat's {@link ChatTimeline} (store {@value #CHATS_STORE})
 *       into {@link ChatFact}s re-keyed by organization;</li>
 *   <li>{@code organization-events} into each organization's {@link OpeningHoursHistory} (table
 *       {@value #HOURS_STORE}); the facts, repartitioned by organization, are joined with it and measured
 *       ({@link MeasuredFact});</li>
 *   <li>each measured fact is counted in the hourly and daily {@link Bucket}s of its organization, team and agent
 *       (store {@value #BUCKETS_STORE}), and each chat status change in the organization's {@link LiveBacklog}
 *       (store {@value #LIVE_STORE}); every changed bucket and backlog goes, whole, to the output topics.</li>
 * </ol>
 * All times are event times (the envelopes' {@code occurredAt}); see {@link AnalyticsSerdes.EventTime}.
 */
public final class AnalyticsTopology {

    public static final String CHATS_STORE = "analytics-chats";
    public static final String HOURS_STORE = "analytics-opening-hours";
    public static final String BUCKETS_STORE = "analytics-buckets";
    public static final String LIVE_STORE = "analytics-live";
    /** Names the repartition topic of facts by organization. */
    static final String FACTS_BY_ORGANIZATION = "analytics-facts-by-organization";

    private AnalyticsTopology() {
    }

    /** The topology with persistent (RocksDB) state stores, as the service runs it. */
    public static void build(StreamsBuilder builder, AnalyticsTopics topics) {
        build(builder, topics, Stores::persistentKeyValueStore);
    }

    /**
     * The topology with the processors' state stores from {@code stores} (e.g. {@code Stores::inMemoryKeyValueStore}
     * in fast tests; the opening-hours table follows {@code dsl.store.suppliers.class}).
     */
    public static void build(StreamsBuilder builder, AnalyticsTopics topics,
                             Function<String, KeyValueBytesStoreSupplier> stores) {
        Consumed<String, EventEnvelope> events = Consumed.with(Serdes.String(), AnalyticsSerdes.ENVELOPE)
                .withTimestampExtractor(new AnalyticsSerdes.EventTime());

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(CHATS_STORE),
                Serdes.String(), AnalyticsSerdes.CHAT_TIMELINE));
        KStream<String, ChatFact> facts = builder.stream(topics.chatEvents(), events)
                .process(ChatTimelines::new, CHATS_STORE);

        KTable<String, OpeningHoursHistory> hours = builder.stream(topics.organizationEvents(), events)
                .filter((organization, envelope) -> envelope != null)
                .groupByKey(Grouped.with(Serdes.String(), AnalyticsSerdes.ENVELOPE))
                .aggregate(() -> OpeningHoursHistory.NONE, (organization, envelope, history) -> history.next(envelope),
                        Materialized.<String, OpeningHoursHistory, KeyValueStore<Bytes, byte[]>>as(HOURS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(AnalyticsSerdes.OPENING_HOURS));

        KStream<String, MeasuredFact> measured = facts.leftJoin(hours, MeasuredFact::of,
                Joined.with(Serdes.String(), AnalyticsSerdes.CHAT_FACT, AnalyticsSerdes.OPENING_HOURS,
                        FACTS_BY_ORGANIZATION));

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(BUCKETS_STORE),
                Serdes.String(), AnalyticsSerdes.BUCKET));
        measured.filter((organization, fact) -> fact.fact().kind() != ChatFact.Kind.STATUS)
                .process(BucketCounter::new, BUCKETS_STORE)
                .to(topics.buckets(), Produced.with(Serdes.String(), AnalyticsSerdes.BUCKET));

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(LIVE_STORE),
                Serdes.String(), AnalyticsSerdes.LIVE_BACKLOG));
        measured.filter((organization, fact) -> fact.fact().kind() == ChatFact.Kind.STATUS)
                .process(LiveCounter::new, LIVE_STORE)
                .to(topics.live(), Produced.with(Serdes.String(), AnalyticsSerdes.LIVE_BACKLOG));
    }

    /** A scope a fact counts in. */
    record ScopeOf(Scope scope, String id) {
    }

    /** The scopes whose hourly and daily buckets a fact counts in: its organization, team and agent. */
    static List<ScopeOf> scopesOf(ChatFact fact) {
        List<ScopeOf> scopes = new ArrayList<>(3);
        scopes.add(new ScopeOf(Scope.ORGANIZATION, ""));
        if (fact.teamId() != null) {
            scopes.add(new ScopeOf(Scope.TEAM, fact.teamId()));
        }
        if (fact.agentId() != null) {
            scopes.add(new ScopeOf(Scope.AGENT, fact.agentId()));
        }
        return scopes;
    }

    /** Chat events in, facts keyed by organization out. */
    static final class ChatTimelines implements Processor<String, EventEnvelope, String, ChatFact> {
        private ProcessorContext<String, ChatFact> context;
        private KeyValueStore<String, ChatTimeline> chats;

        @Override
        public void init(ProcessorContext<String, ChatFact> context) {
            this.context = context;
            this.chats = context.getStateStore(CHATS_STORE);
        }

        @Override
        public void process(Record<String, EventEnvelope> record) {
            EventEnvelope envelope = record.value();
            if (envelope == null) {
                return;
            }
            ChatTimeline current = chats.get(envelope.aggregateId());
            ChatTimeline.Step step = ChatTimeline.next(current, envelope);
            if (step.timeline() != null && step.timeline() != current) {
                chats.put(envelope.aggregateId(), step.timeline());
            }
            for (ChatFact fact : step.facts()) {
                context.forward(record.withKey(fact.organizationId()).withValue(fact));
            }
        }
    }

    /** Measured facts in, every bucket they changed out (whole), keyed by bucket id. */
    static final class BucketCounter implements Processor<String, MeasuredFact, String, Bucket> {
        private ProcessorContext<String, Bucket> context;
        private KeyValueStore<String, Bucket> buckets;

        @Override
        public void init(ProcessorContext<String, Bucket> context) {
            this.context = context;
            this.buckets = context.getStateStore(BUCKETS_STORE);
        }

        @Override
        public void process(Record<String, MeasuredFact> record) {
            ChatFact fact = record.value().fact();
            for (ScopeOf scope : scopesOf(fact)) {
                for (Window window : Window.values()) {
                    Instant start = window.start(fact.at());
                    String id = Bucket.id(fact.organizationId(), scope.scope(), scope.id(), window, start);
                    Bucket current = buckets.get(id);
                    Bucket next = (current == null
                            ? Bucket.empty(fact.organizationId(), scope.scope(), scope.id(), window, start) : current)
                            .plus(record.value());
                    buckets.put(id, next);
                    context.forward(record.withKey(id).withValue(next));
                }
            }
        }
    }

    /** Chat status changes in, the organization's live backlog out. */
    static final class LiveCounter implements Processor<String, MeasuredFact, String, LiveBacklog> {
        private ProcessorContext<String, LiveBacklog> context;
        private KeyValueStore<String, LiveBacklog> backlogs;

        @Override
        public void init(ProcessorContext<String, LiveBacklog> context) {
            this.context = context;
            this.backlogs = context.getStateStore(LIVE_STORE);
        }

        @Override
        public void process(Record<String, MeasuredFact> record) {
            ChatFact fact = record.value().fact();
            LiveBacklog current = backlogs.get(fact.organizationId());
            LiveBacklog next = (current == null ? LiveBacklog.empty(fact.organizationId()) : current)
                    .change(fact.before(), fact.after());
            backlogs.put(fact.organizationId(), next);
            context.forward(record.withKey(fact.organizationId()).withValue(next));
        }
    }
}
