package com.fastlightchat.command.publication;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The command side owns the event topics and creates them at start-up if they are missing. They keep every event
 * forever ({@code retention.ms=-1}): the stream is the source from which read models are rebuilt and metrics
 * recomputed, and a public contract for analytics consumers.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics eventTopics(CommandSideProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(Topics.prefixed(properties.topicPrefix(), topic))
                        .partitions(properties.topicPartitions())
                        .replicas(properties.topicReplicas())
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build())
                .toArray(NewTopic[]::new));
    }
}
