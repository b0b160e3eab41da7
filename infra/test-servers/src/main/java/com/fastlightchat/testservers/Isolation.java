package com.fastlightchat.testservers;

import java.util.Objects;

/**
 * A fresh, private slice of the shared servers for one test class: its own PostgreSQL database, its own MongoDB
 * database name, and prefixes for Redis keys and Kafka topics, so test classes never see each other's data.
 *
 * @param servers          the shared servers this slice lives on
 * @param name             the sanitized name the slice was created for (usually the test class)
 * @param postgresDatabase a database created for this isolation ({@code CREATE DATABASE}), owned by
 *                         {@link ServerEndpoints#postgresUser()}
 * @param mongoDatabase    a unique database name (MongoDB creates it on first write)
 * @param redisKeyPrefix   a unique key prefix, e.g. {@code t-chat-projection-it-1a2b3c4d:}
 * @param topicPrefix      a unique topic prefix, e.g. {@code t-chat-projection-it-1a2b3c4d.}; topics are created lazily by clients
 */
public record Isolation(ServerEndpoints servers, String name,
                        String postgresDatabase,
                        String mongoDatabase,
                        String redisKeyPrefix,
                        String topicPrefix) {

    public Isolation {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(postgresDatabase, "postgresDatabase");
        Objects.requireNonNull(mongoDatabase, "mongoDatabase");
        Objects.requireNonNull(redisKeyPrefix, "redisKeyPrefix");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
    }

    /**
     * The standard Spring Boot connection properties pointing at this slice: datasource, Kafka, MongoDB and Redis.
     * A Boot test registers them all (plus its own module's prefixes) instead of spelling each one out.
     */
    public java.util.Map<String, String> springBootProperties() {
        return java.util.Map.of(
                "spring.datasource.url", postgresJdbcUrl(),
                "spring.datasource.username", servers.postgresUser(),
                "spring.datasource.password", servers.postgresPassword(),
                "spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers(),
                "spring.mongodb.uri", servers.mongoUri(),
                "spring.mongodb.database", mongoDatabase,
                "spring.data.redis.host", servers.redisHost(),
                "spring.data.redis.port", String.valueOf(servers.redisPort()));
    }

    /** The JDBC URL of {@link #postgresDatabase()}. */
    public String postgresJdbcUrl() {
        return servers.postgresJdbcUrl(postgresDatabase);
    }
}
