package com.fastlightchat.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersIT {

    @TempDir
    static Path dataDirectory;

    private static EmbeddedServers servers;
    private static ServerEndpoints endpoints;

    @BeforeAll
    static void startServers() {
        servers = EmbeddedServers.start(EmbeddedServers.Ports.random(), dataDirectory);
        endpoints = servers.endpoints();
    }

    @AfterAll
    static void closeServers() {
        servers.close();
        assertThat(listening(endpoints.postgresPort())).as("PostgreSQL stopped").isFalse();
        assertThat(listening(endpoints.redisPort())).as("Redis stopped").isFalse();
        assertThat(listening(kafkaPort())).as("Kafka stopped").isFalse();
    }

    @Test
    void givenProducedRecord_whenKafkaRestarted_thenSamePortAndRecordStillConsumable() throws Exception {
        String topic = "restart-check";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, 0, "chat-1", "before restart")).get();
        }

        servers.stopKafka();
        assertThat(listening(kafkaPort())).as("Kafka stopped").isFalse();
        servers.startKafka();

        assertThat(servers.endpoints()).isEqualTo(endpoints);
        assertThat(listening(kafkaPort())).as("Kafka listens on its old port").isTrue();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).extracting(ConsumerRecord::value).containsExactly("before restart");
            });
        }
    }

    @Test
    void givenCommittedRow_whenPostgresRestarted_thenSamePortAndRowStillThere() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE restart_check (id text PRIMARY KEY)");
            statement.execute("INSERT INTO restart_check VALUES ('chat-1')");
        }

        servers.stopPostgres();
        assertThatThrownBy(EmbeddedServersIT::connect).isInstanceOf(SQLException.class);
        servers.startPostgres();

        assertThat(servers.endpoints()).isEqualTo(endpoints);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM restart_check")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("chat-1");
        }
    }

    @Test
    void givenKey_whenRedisRestarted_thenSamePortAndEmpty() {
        RedisClient client = RedisClient.create(RedisURI.create(endpoints.redisHost(), endpoints.redisPort()));
        try {
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("presence:agent-1", "online");
            }

            servers.stopRedis();
            assertThat(listening(endpoints.redisPort())).as("Redis stopped").isFalse();
            servers.startRedis();

            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().get("presence:agent-1")).isNull();
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void givenKeyAndOpenConnection_whenRedisFlushed_thenKeyGoneAndConnectionStillWorks() {
        RedisClient client = RedisClient.create(RedisURI.create(endpoints.redisHost(), endpoints.redisPort()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("recent:chat-1", "event");

            servers.flushRedis();

            assertThat(connection.sync().get("recent:chat-1")).isNull();
            assertThat(connection.sync().set("recent:chat-2", "event")).isEqualTo("OK");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoints.postgresJdbcUrl("postgres"),
                endpoints.postgresUser(), endpoints.postgresPassword());
    }

    private static int kafkaPort() {
        String bootstrap = endpoints.kafkaBootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
