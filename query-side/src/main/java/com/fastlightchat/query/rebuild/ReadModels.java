package com.fastlightchat.query.rebuild;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.agent.AgentLoads;
import com.fastlightchat.query.agent.Agents;
import com.fastlightchat.query.audit.AuditTrail;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Messages;
import com.fastlightchat.query.environment.Environments;
import com.fastlightchat.query.organization.Organizations;
import com.fastlightchat.query.user.Users;
import com.mongodb.client.MongoClient;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Every rebuildable read model of the query side: its name, topics, storage, and the code that projects into it. */
@Configuration(proxyBeanMethods = false)
public class ReadModels {

    @Bean
    ReadModel chatsReadModel(MongoClient client, MongoTemplate template, EnvelopeCodec codec) {
        return new MongoReadModel("chats", Chats.TOPICS, Chats.COLLECTION, client, template,
                target -> new Chats(target, codec)::project);
    }

    @Bean
    ReadModel messagesReadModel(MongoClient client, MongoTemplate template, EnvelopeCodec codec) {
        return new MongoReadModel("messages", Messages.TOPICS, Messages.COLLECTION, client, template,
                target -> new Messages(target, codec)::project);
    }

    @Bean
    ReadModel environmentsReadModel(JdbcClient jdbc, DataSourceProperties dataSource) {
        return new JdbcReadModel("environments", List.of(Topics.ENVIRONMENT_EVENTS), "environments", "environment_id",
                jdbc, dataSource, target -> new Environments(target)::project);
    }

    @Bean
    ReadModel auditReadModel(JdbcClient jdbc, DataSourceProperties dataSource) {
        return new JdbcReadModel("audit", AuditTrail.TOPICS, "audit_events", "event_id",
                jdbc, dataSource, target -> new AuditTrail(target)::project);
    }

    /** Checksummed through the {@code organization_rows} view: each organization with all its teams. */
    @Bean
    ReadModel organizationsReadModel(JdbcClient jdbc, DataSourceProperties dataSource) {
        return new JdbcReadModel("organizations", List.of(Topics.ORGANIZATION_EVENTS), "organization_rows",
                "organization_id", jdbc, dataSource, target -> new Organizations(target)::project);
    }

    @Bean
    ReadModel agentsReadModel(JdbcClient jdbc, DataSourceProperties dataSource) {
        return new JdbcReadModel("agents", List.of(Topics.AGENT_EVENTS), "agents", "agent_id",
                jdbc, dataSource, target -> new Agents(target)::project);
    }

    @Bean
    ReadModel agentLoadsReadModel(JdbcClient jdbc, DataSourceProperties dataSource) {
        return new JdbcReadModel("agent-loads", List.of(Topics.CHAT_EVENTS), "agent_chat_assignments", "chat_id",
                jdbc, dataSource, target -> new AgentLoads(target)::project);
    }

    @Bean
    ReadModel usersReadModel(MongoClient client, MongoTemplate template, EnvelopeCodec codec) {
        return new MongoReadModel("users", Users.TOPICS, Users.COLLECTION, client, template,
                target -> new Users(target, codec)::project);
    }
}
