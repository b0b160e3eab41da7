package com.fastlightchat.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

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
 * @param pingInterval   how often the server pings each client (Engine.IO heartbeat)
 * @param pingTimeout    how long a client may leave a ping unanswered before its connection is dropped
 * @param recentEvents   events kept per chat in the Redis recent-events window (the one-round-trip resume)
 * @param recentEventsTtl how long a chat's window outlives its last event
 * @param chatOrganizationTtl how long the edge remembers which organization a chat belongs to (agent joins)
 * @param catchUpLimit   most events one resume reads from the query side
 * @param maxBacklog     events queued on a socket whose transport is backlogged before its chats are cut off
 *                       with {@code resync.required}
 * @param maxCatchUpBuffer live events buffered per chat during one resume before the chat is cut off
 * @param typingTimeout  a typing indicator without refresh ends after this
 * @param presenceTtl    a socket counts as online this long after its last heartbeat (refreshed at a third)
 * @param pluginKeyCacheTtl how long a known plugin key is remembered in Redis: a rotated key stops opening
 *                       {@code /sdk} connections within this, and a change of the environment's allowed origins
 *                       applies to new connections within this
 * @param unreadTtl      how long a chat's unread badges stay hot in Redis after its last event
 * @param commandBaseUrl base URL of the command side, whose internal endpoint hands out end users' data keys
 * @param serviceToken   the command side's {@code flc.command.service-token}, to fetch those keys; never committed.
 *                       Without it, messages reach clients as content-free placeholders
 * @param maxReplay      most records per partition a starting instance reads from where the fleet left off
 *                       (behind the live end), so that events published while no instance read them are not lost
 * @param tokenPreviousSecrets earlier signing keys, still accepted to verify tokens issued before a key rotation
 * @param socketEventRate events one socket may send per second, on average (client requests: joins, typing…)
 * @param socketEventBurst events one socket may send at once before {@code socketEventRate} applies
 * @param socketAbuseLimit refused events in a row after which the socket is disconnected
 * @param maxPayload     largest Socket.IO frame or polling body accepted from a client; a larger one closes the
 *                       connection
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
        @DefaultValue("10m") Duration authzCacheTtl,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("20s") Duration pingTimeout,
        @DefaultValue("200") int recentEvents,
        @DefaultValue("24h") Duration recentEventsTtl,
        @DefaultValue("30d") Duration chatOrganizationTtl,
        @DefaultValue("1000") int catchUpLimit,
        @DefaultValue("256") int maxBacklog,
        @DefaultValue("1000") int maxCatchUpBuffer,
        @DefaultValue("5s") Duration typingTimeout,
        @DefaultValue("60s") Duration presenceTtl,
        @DefaultValue("60s") Duration pluginKeyCacheTtl,
        @DefaultValue("30d") Duration unreadTtl,
        @DefaultValue("http://localhost:8081") String commandBaseUrl,
        String serviceToken,
        @DefaultValue("20000") long maxReplay,
        @DefaultValue List<String> tokenPreviousSecrets,
        @DefaultValue("20") int socketEventRate,
        @DefaultValue("40") int socketEventBurst,
        @DefaultValue("50") int socketAbuseLimit,
        @DefaultValue("64KB") DataSize maxPayload) {
}
