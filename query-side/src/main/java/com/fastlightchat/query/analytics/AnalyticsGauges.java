package com.fastlightchat.query.analytics;

import com.fastlightchat.query.analytics.Bucket.Window;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges of the analytics read model, read from PostgreSQL every {@code flc.query.analytics.gauge-refresh}
 * (so every query-side instance exports the same values: aggregate them with {@code max}, not {@code sum}):
 * <ul>
 *   <li>{@code flc_analytics_backlog_unassigned}, {@code flc_analytics_backlog_waiting} per organization;</li>
 *   <li>{@code flc_analytics_agent_load} per organization and agent (agents with open chats);</li>
 *   <li>the current UTC hour per organization: {@code flc_analytics_hour_chats_opened}, {@code _chats_closed},
 *       {@code _messages_in}, {@code _messages_out}, {@code flc_analytics_hour_first_response_median_seconds} and
 *       {@code _p90_seconds} (absent while the hour has no first response).</li>
 * </ul>
 */
@Component
public class AnalyticsGauges implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsGauges.class);

    private record Figure(String name, String description, ToDoubleFunction<Bucket> value) {
    }

    private static final List<Figure> HOUR_FIGURES = List.of(
            new Figure("flc.analytics.hour.chats.opened", "Chats opened in the current UTC hour", Bucket::chatsOpened),
            new Figure("flc.analytics.hour.chats.closed", "Chats closed in the current UTC hour", Bucket::chatsClosed),
            new Figure("flc.analytics.hour.messages.in", "Public end-user messages in the current UTC hour",
                    Bucket::messagesIn),
            new Figure("flc.analytics.hour.messages.out", "Public agent and bot messages in the current UTC hour",
                    Bucket::messagesOut));

    private final Buckets buckets;
    private final LiveBacklogs backlogs;
    private final AnalyticsProperties properties;
    private final Clock clock;
    private final MultiGauge unassigned;
    private final MultiGauge waiting;
    private final MultiGauge agentLoad;
    private final List<MultiGauge> hourFigures = new ArrayList<>();
    private final MultiGauge firstResponseMedian;
    private final MultiGauge firstResponseP90;
    private ScheduledExecutorService refresher;

    public AnalyticsGauges(Buckets buckets, LiveBacklogs backlogs, AnalyticsProperties properties,
                           MeterRegistry registry) {
        this.buckets = buckets;
        this.backlogs = backlogs;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        unassigned = MultiGauge.builder("flc.analytics.backlog.unassigned")
                .description("Open chats without an agent").register(registry);
        waiting = MultiGauge.builder("flc.analytics.backlog.waiting")
                .description("Open chats waiting for a human agent's reply").register(registry);
        agentLoad = MultiGauge.builder("flc.analytics.agent.load")
                .description("Open or snoozed chats assigned to the agent").register(registry);
        for (Figure figure : HOUR_FIGURES) {
            hourFigures.add(MultiGauge.builder(figure.name()).description(figure.description()).register(registry));
        }
        firstResponseMedian = MultiGauge.builder("flc.analytics.hour.first.response.median.seconds")
                .description("Median first response time of the current UTC hour").register(registry);
        firstResponseP90 = MultiGauge.builder("flc.analytics.hour.first.response.p90.seconds")
                .description("90th percentile first response time of the current UTC hour").register(registry);
    }

    /** Reads the figures now and updates every gauge. */
    public void refresh() {
        List<MultiGauge.Row<?>> unassignedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> loadRows = new ArrayList<>();
        for (LiveBacklog backlog : backlogs.all()) {
            Tags organization = Tags.of("organization", backlog.organizationId());
            unassignedRows.add(MultiGauge.Row.of(organization, backlog.unassigned()));
            waitingRows.add(MultiGauge.Row.of(organization, backlog.waiting()));
            backlog.loads().forEach((agent, load) ->
                    loadRows.add(MultiGauge.Row.of(organization.and("agent", agent), load)));
        }
        unassigned.register(unassignedRows, true);
        waiting.register(waitingRows, true);
        agentLoad.register(loadRows, true);

        List<Bucket> hour = buckets.organizationsAt(Window.HOUR, Window.HOUR.start(Instant.now(clock)));
        for (int i = 0; i < HOUR_FIGURES.size(); i++) {
            ToDoubleFunction<Bucket> value = HOUR_FIGURES.get(i).value();
            hourFigures.get(i).register(hour.stream().<MultiGauge.Row<?>>map(b ->
                    MultiGauge.Row.of(Tags.of("organization", b.organizationId()), value.applyAsDouble(b))).toList(), true);
        }
        List<MultiGauge.Row<?>> medians = new ArrayList<>();
        List<MultiGauge.Row<?>> p90s = new ArrayList<>();
        for (Bucket bucket : hour) {
            TimeStats stats = TimeStats.of(bucket.firstResponse().calendar());
            if (stats.count() > 0) {
                Tags organization = Tags.of("organization", bucket.organizationId());
                medians.add(MultiGauge.Row.of(organization, stats.medianSeconds()));
                p90s.add(MultiGauge.Row.of(organization, stats.p90Seconds()));
            }
        }
        firstResponseMedian.register(medians, true);
        firstResponseP90.register(p90s, true);
    }

    @Override
    public void afterPropertiesSet() {
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("analytics-gauges").factory());
        long period = properties.gaugeRefresh().toMillis();
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("could not refresh the analytics gauges: {}", e.getMessage());
            }
        }, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
