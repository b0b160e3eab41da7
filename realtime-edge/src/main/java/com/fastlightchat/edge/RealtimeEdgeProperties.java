package com.fastlightchat.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of the realtime edge ({@code flc.edge.*}). Kafka and Redis connections are Spring's own
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.data.redis.*}).
 *
 * @param tokenSecret    HS256 key shared with the command side, which issues the user tokens; at least 32 bytes;
 *                       never committed
 * @param socketHost     interface the Socket.IO server binds to
 * @param socketPort     port of the Socket.IO server (the HTTP port {@code server.port} only serves actuator)
 * @param queryBaseUrl   base URL of the query side, which decides who may see a chat
 * @param queryTimeout   connect and response timeout of one call to the query side
 * @param topicPrefix    prefix in front of every Kafka topic name (may be empty)
 * @param redisKeyPrefix prefix in front of every Redis key this service writes
 * @param authzCacheTtl  how long a positive "this user may see this chat" answer is cached in Redis
 */
@ConfigurationProperties("flc.edge")
public record RealtimeEdgeProperties(
        String tokenSecret,
        @DefaultValue("0.0.0.0") String socketHost,
        @DefaultValue("8083") int socketPort,
        @DefaultValue("http://localhost:8082") URI queryBaseUrl,
        @DefaultValue("2s") Duration queryTimeout,
        @DefaultValue("") String topicPrefix,
        @DefaultValue("flc:") String redisKeyPrefix,
        @DefaultValue("10m") Duration authzCacheTtl) {
}
