package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.agent.AgentLoads;
import com.fastlightchat.query.agent.Agents;
import com.fastlightchat.query.chat.ChatStory;
import com.fastlightchat.query.organization.Organizations;
import com.fastlightchat.query.rebuild.JdbcReadModel;
import com.fastlightchat.query.rebuild.MongoReadModel;
import com.fastlightchat.query.rebuild.ReadModel;
import com.fastlightchat.query.user.Users;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each directory read model on its real store: every event delivered twice, and older events redelivered after
 * newer ones (across aggregates and topics, as several partitions interleave), leave exactly the rows and documents
 * that one delivery of each leaves.
 */
class DirectoryProjectionsIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(DirectoryProjectionsIT.class);
    static final MongoClient MONGO = MongoClients.create(ISOLATION.servers().mongoUri());
    static final JdbcClient JDBC = JdbcClient.create(new DriverManagerDataSource(ISOLATION.postgresJdbcUrl(),
            ISOLATION.servers().postgresUser(), ISOLATION.servers().postgresPassword()));

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void givenEveryEventTwiceAndOlderRedeliveries_whenOrganizationsProjected_thenSameRowsAsEachOnce() {
        assertSameAsOnce(jdbcModel("organizations", Topics.ORGANIZATION_EVENTS, "organization_rows", "organization_id",
                target -> new Organizations(target)::project));
    }

    @Test
    void givenEveryEventTwiceAndOlderRedeliveries_whenAgentsProjected_thenSameRowsAsEachOnce() {
        assertSameAsOnce(jdbcModel("agents", Topics.AGENT_EVENTS, "agents", "agent_id",
                target -> new Agents(target)::project));
    }

    @Test
    void givenEveryEventTwiceAndOlderRedeliveries_whenAgentLoadsProjected_thenSameRowsAsEachOnce() {
        assertSameAsOnce(jdbcModel("agent-loads", Topics.CHAT_EVENTS, "agent_chat_assignments", "chat_id",
                target -> new AgentLoads(target)::project));
    }

    @Test
    void givenEveryEventTwiceAndOlderRedeliveries_whenUsersProjected_thenSameDocumentsAsEachOnce() {
        assertSameAsOnce(new MongoReadModel("users", Users.TOPICS, Users.COLLECTION, MONGO,
                new MongoTemplate(MONGO, ISOLATION.mongoDatabase()),
                target -> new Users(target, EnvelopeCodec.PLAIN)::project));
    }

    private static void assertSameAsOnce(ReadModel model) {
        List<EventEnvelope> events = new ArrayList<>(DirectoryStory.tenant("org_a").events());
        events.addAll(DirectoryStory.tenant("org_b").events());
        ReadModel.Fresh once = model.fresh("once");
        ReadModel.Fresh messy = model.fresh("messy");
        try {
            events.forEach(envelope -> once.apply(ChatStory.record(envelope)));
            for (int i = 0; i < events.size(); i++) {
                messy.apply(ChatStory.record(events.get(i)));
                messy.apply(ChatStory.record(events.get(i)));
                messy.apply(ChatStory.record(events.get(i / 2)));
            }
            assertThat(messy.checksums()).isEqualTo(once.checksums()).isNotEmpty();
        } finally {
            once.drop();
            messy.drop();
        }
    }

    private static JdbcReadModel jdbcModel(String name, String topic, String table, String key,
                                           java.util.function.Function<JdbcClient,
                                                   java.util.function.Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>> projector) {
        DataSourceProperties dataSource = new DataSourceProperties();
        dataSource.setUrl(ISOLATION.postgresJdbcUrl());
        dataSource.setUsername(ISOLATION.servers().postgresUser());
        dataSource.setPassword(ISOLATION.servers().postgresPassword());
        return new JdbcReadModel(name, List.of(topic), table, key, JDBC, dataSource, projector);
    }
}
