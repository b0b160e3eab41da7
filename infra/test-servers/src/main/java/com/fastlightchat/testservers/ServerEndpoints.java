package com.fastlightchat.testservers;

import java.util.Objects;

/**
 * Connection details of one running set of servers.
 *
 * @param kafkaBootstrapServers {@code host:port} of the Kafka broker's plaintext listener
 * @param postgresHost          host of the PostgreSQL server
 * @param postgresPort          port of the PostgreSQL server
 * @param postgresUser          a superuser that may create databases
 * @param postgresPassword      its password (the embedded server trusts local connections and ignores it)
 * @param mongoUri              connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}
 * @param redisHost             host of the Redis server
 * @param redisPort             port of the Redis server
 */
public record ServerEndpoints(String kafkaBootstrapServers,
                              String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
                              String mongoUri,
                              String redisHost, int redisPort) {

    public ServerEndpoints {
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(postgresHost, "postgresHost");
        Objects.requireNonNull(postgresUser, "postgresUser");
        Objects.requireNonNull(postgresPassword, "postgresPassword");
        Objects.requireNonNull(mongoUri, "mongoUri");
        Objects.requireNonNull(redisHost, "redisHost");
    }

    /** {@code jdbc:postgresql://host:port/database}. */
    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + Objects.requireNonNull(database, "database");
    }
}
