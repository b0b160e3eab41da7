package com.fastlightchat.testservers;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TestServersIT {

    private static final Isolation isolation = TestServers.shared().isolate(TestServersIT.class);

    @Test
    void givenSharedServers_whenAskedTwice_thenSameInstance() {
        assertThat(TestServers.shared()).isSameAs(TestServers.shared());
        assertThat(isolation.servers()).isEqualTo(TestServers.shared().endpoints());
    }

    @Test
    void givenTestClass_whenIsolated_thenNamesCarryTheClassName() {
        assertThat(isolation.name()).isEqualTo("test-servers-it");
        assertThat(isolation.postgresDatabase()).startsWith("t_test_servers_it_");
        assertThat(isolation.redisKeyPrefix()).startsWith("t-test-servers-it-").endsWith(":");
        assertThat(isolation.topicPrefix()).startsWith("t-test-servers-it-").endsWith(".");
    }

    @Test
    void givenKafka_whenRecordProduced_thenConsumerGroupReadsIt() throws Exception {
        String topic = isolation.topicPrefix() + "round-trip";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, isolation.servers().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "chat-1", "hello")).get();
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, isolation.servers().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, isolation.topicPrefix() + "round-trip-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("chat-1", "hello"));
            });
        }
    }

    @Test
    void givenTwoIsolations_whenTableCreatedInOne_thenAbsentInTheOther() throws SQLException {
        Isolation first = TestServers.shared().isolate("postgres-first");
        Isolation second = TestServers.shared().isolate("postgres-second");
        assertThat(first.postgresDatabase()).isNotEqualTo(second.postgresDatabase());

        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chats (id text PRIMARY KEY)");
            statement.execute("INSERT INTO chats VALUES ('chat-1')");
            assertThat(tableExists(statement, "chats")).isTrue();
            try (ResultSet owner = statement.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = current_database()")) {
                owner.next();
                assertThat(owner.getString(1)).isEqualTo(first.servers().postgresUser());
            }
        }
        try (Connection connection = connect(second); Statement statement = connection.createStatement()) {
            assertThat(tableExists(statement, "chats")).isFalse();
        }
    }

    @Test
    void givenMongo_whenDocumentInserted_thenFoundById() {
        try (MongoClient client = MongoClients.create(isolation.servers().mongoUri())) {
            MongoCollection<Document> chats = client.getDatabase(isolation.mongoDatabase()).getCollection("chats");
            chats.insertOne(new Document("_id", "chat-1").append("status", "OPEN"));

            Document found = chats.find(eq("_id", "chat-1")).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("status")).isEqualTo("OPEN");
        }
    }

    @Test
    void givenRedis_whenKeySet_thenGetReturnsIt() {
        RedisClient client = RedisClient.create(
                RedisURI.create(isolation.servers().redisHost(), isolation.servers().redisPort()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String key = isolation.redisKeyPrefix() + "presence:agent-1";
            connection.sync().set(key, "online");

            assertThat(connection.sync().get(key)).isEqualTo("online");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    static Connection connect(Isolation isolation) throws SQLException {
        return DriverManager.getConnection(isolation.postgresJdbcUrl(),
                isolation.servers().postgresUser(), isolation.servers().postgresPassword());
    }

    static boolean tableExists(Statement statement, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
