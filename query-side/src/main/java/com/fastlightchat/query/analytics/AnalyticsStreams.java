package com.fastlightchat.query.analytics;

import com.fastlightchat.query.QuerySideProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@link AnalyticsTopology} in this service. Instances with the same application id share the partitions
 * (each organization is counted by exactly one of them at a time); state stores are local RocksDB backed by changelog
 * topics, so a restarted or replacing instance resumes exactly where the last commit left off. Exactly-once
 * processing makes each event count once. A failing stream thread is replaced (and retries), e.g. while the event
 * topics do not exist yet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "flc.query.analytics.enabled", matchIfMissing = true)
public class AnalyticsStreams {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsStreams.class);

    @Bean
    StreamsBuilderFactoryBean analyticsStreamsBuilder(KafkaProperties kafka, QuerySideProperties query,
                                                      AnalyticsProperties analytics, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, query.topicPrefix() + analytics.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, analytics.processingGuarantee());
        config.put(StreamsConfig.STATE_DIR_CONFIG, analytics.stateDir());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, analytics.commitInterval().toMillis());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"), 5000);
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
        AnalyticsTopics topics = AnalyticsTopics.withPrefix(query.topicPrefix());
        factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureBuilder(StreamsBuilder builder) {
                AnalyticsTopology.build(builder, topics);
            }
        });
        factory.setStreamsUncaughtExceptionHandler(e -> {
            log.warn("analytics stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        factory.addListener(new KafkaStreamsMicrometerListener(meters));
        return factory;
    }

    /** The output topics, compacted: only each bucket's and backlog's last state matters. */
    @Bean
    KafkaAdmin.NewTopics analyticsOutputTopics(QuerySideProperties query, AnalyticsProperties analytics) {
        AnalyticsTopics topics = AnalyticsTopics.withPrefix(query.topicPrefix());
        return new KafkaAdmin.NewTopics(topic(topics.buckets(), analytics), topic(topics.live(), analytics));
    }

    private static NewTopic topic(String name, AnalyticsProperties analytics) {
        return TopicBuilder.name(name).partitions(analytics.outputPartitions()).replicas(analytics.outputReplicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }
}
