package com.fastlightchat.query.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analytics Streams application ({@code flc.query.analytics.*}).
 *
 * @param enabled             run the topology and the sink on this instance (the query API serves the stored
 *                            figures either way)
 * @param applicationId       Kafka Streams application id (after the topic prefix); every instance with the same id
 *                            shares the work. A new id recomputes everything from the first event.
 * @param stateDir            where the local state stores live (RocksDB; default {@code <tmp>/flc-query-analytics});
 *                            restored from their changelogs when lost
 * @param processingGuarantee {@code exactly_once_v2} (default; the live backlog and the sample lists rely on it)
 * @param outputPartitions    partitions of the output topics when this service creates them
 * @param outputReplicas      replication factor of the output topics when this service creates them
 * @param gaugeRefresh        how often the Prometheus gauges are read from PostgreSQL
 * @param commitInterval      how often the Streams application commits (under exactly-once, each commit is a Kafka
 *                            transaction per task: Kafka Streams' 100 ms default made the broker busy even while idle;
 *                            figures then appear at most this much later)
 */
@ConfigurationProperties("flc.query.analytics")
public record AnalyticsProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("query-side.analytics") String applicationId,
                                  String stateDir,
                                  @DefaultValue("exactly_once_v2") String processingGuarantee,
                                  @DefaultValue("6") int outputPartitions,
                                  @DefaultValue("1") short outputReplicas,
                                  @DefaultValue("15s") java.time.Duration gaugeRefresh,
                                  @DefaultValue("1s") java.time.Duration commitInterval) {

    public AnalyticsProperties {
        if (stateDir == null || stateDir.isBlank()) {
            stateDir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "flc-query-analytics").toString();
        }
    }
}
