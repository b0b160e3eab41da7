package com.fastlightchat.edge.stream;

import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chat and agent event streams and the erasure notices, read with a plain Kafka consumer from
 * {@code spring.kafka.bootstrap-servers}.
 */
@Configuration(proxyBeanMethods = false)
class ChatEventStreamConfiguration {

    @Bean
    StreamPositions streamPositions(StringRedisTemplate redis, RealtimeEdgeProperties properties) {
        return new RedisStreamPositions(redis, properties.redisKeyPrefix());
    }

    @Bean
    ChatEventStream chatEventStream(Environment environment, RealtimeEdgeProperties properties,
                                    List<ChatEventHandler> handlers, StreamPositions positions,
                                    EnvelopeCodec codec, CachingSubjectKeys keys) {
        Map<String, Object> config = consumerConfig(environment);
        String topic = Topics.prefixed(properties.topicPrefix(), Topics.CHAT_EVENTS);
        return new ChatEventStream(() -> new KafkaConsumer<>(config), topic, handlers, positions,
                properties.maxReplay(), codec, keys);
    }

    @Bean
    ErasureStream erasureStream(Environment environment, RealtimeEdgeProperties properties,
                                List<ErasureHandler> handlers, StreamPositions positions) {
        Map<String, Object> config = consumerConfig(environment);
        String topic = Topics.prefixed(properties.topicPrefix(), Topics.USER_EVENTS);
        // from where the fleet left off too: an erasure published while no instance read must still scrub caches
        return new ErasureStream(() -> new KafkaConsumer<>(config), topic, handlers, positions,
                properties.maxReplay());
    }

    @Bean
    AgentEventStream agentEventStream(Environment environment, RealtimeEdgeProperties properties,
                                      List<AgentEventHandler> handlers, StreamPositions positions) {
        Map<String, Object> config = consumerConfig(environment);
        String topic = Topics.prefixed(properties.topicPrefix(), Topics.AGENT_EVENTS);
        return new AgentEventStream(() -> new KafkaConsumer<>(config), topic, handlers, positions,
                properties.maxReplay());
    }

    private static Map<String, Object> consumerConfig(Environment environment) {
        List<String> bootstrapServers = Binder.get(environment)
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                .orElse(List.of("localhost:9092"));
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "realtime-edge-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // No group: offsets are never committed; every instance reads everything from where it started.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // The command side creates the topic with its partition count; a consumer must never create it.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    @Bean
    ChatEventStreamHealthIndicator chatEventStreamHealthIndicator(ChatEventStream stream) {
        return new ChatEventStreamHealthIndicator(stream);
    }
}
