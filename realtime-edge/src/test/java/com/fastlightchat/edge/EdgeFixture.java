package com.fastlightchat.edge;

import com.fastlightchat.edge.stream.AgentEventStream;
import com.fastlightchat.edge.stream.ChatEventStream;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.ServerEndpoints;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Everything an edge IT needs around the edge: the chat and agent topics on a real broker (3 partitions each) with a
 * producer that writes envelopes as the command side does (key = aggregate id), the query side's stand-in (which also "projects" every
 * published event), tokens, and edge instances started as whole applications on their own ports.
 */
final class EdgeFixture implements AutoCloseable {

    static final String SECRET = "realtime-edge-it-signing-secret-0123456789";
    static final AccessTokens TOKENS = AccessTokens.fromSecret(SECRET, Clock.systemUTC());
    static final String PLUGIN_KEY = "pk_test_" + Ids.random("it");
    /** The environment the plugin key opens: user tokens of the tests are issued in it. */
    static final String ENVIRONMENT = Ids.random("env");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Isolation isolation;
    private final ServerEndpoints servers;
    private final String topic;
    private final String agentTopic;
    private final KafkaProducer<String, byte[]> producer;
    private final QuerySideStandIn querySide;
    private final List<ConfigurableApplicationContext> edges = new ArrayList<>();

    /** @param servers where Kafka and Redis run: the isolation's, or a private set of servers */
    EdgeFixture(Isolation isolation, ServerEndpoints servers) throws Exception {
        this.isolation = isolation;
        this.servers = servers;
        this.topic = Topics.prefixed(isolation.topicPrefix(), Topics.CHAT_EVENTS);
        this.agentTopic = Topics.prefixed(isolation.topicPrefix(), Topics.AGENT_EVENTS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(agentTopic, 3, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        querySide = new QuerySideStandIn(PLUGIN_KEY, ENVIRONMENT, TOKENS);
    }

    EdgeFixture(Isolation isolation) throws Exception {
        this(isolation, isolation.servers());
    }

    QuerySideStandIn querySide() {
        return querySide;
    }

    Isolation isolation() {
        return isolation;
    }

    /** Starts one more edge instance, live on the stream when this returns; its Socket.IO port is returned. */
    int startEdge(Map<String, Object> overrides) {
        int socketPort = freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers());
        properties.put("spring.data.redis.host", servers.redisHost());
        properties.put("spring.data.redis.port", servers.redisPort());
        properties.put("flc.edge.token-secret", SECRET);
        properties.put("flc.edge.socket-host", "127.0.0.1");
        properties.put("flc.edge.socket-port", socketPort);
        properties.put("flc.edge.query-base-url", querySide.baseUrl());
        properties.put("flc.edge.topic-prefix", isolation.topicPrefix());
        properties.put("flc.edge.redis-key-prefix", isolation.redisKeyPrefix());
        properties.put("flc.edge.typing-timeout", "1s");
        properties.putAll(overrides);
        // As command-line arguments: they win over application.yml, like the environment of a real deployment.
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext edge = new SpringApplicationBuilder(RealtimeEdgeApplication.class)
                .run(arguments);
        edges.add(edge);
        await().atMost(PATIENCE).until(() -> edge.getBean(ChatEventStream.class).isLive()
                && edge.getBean(AgentEventStream.class).isLive());
        return socketPort;
    }

    /** Publishes as the command side does (key = chat id) and lets the query side's stand-in project it. */
    EventEnvelope publish(EventEnvelope envelope) {
        return publish(null, envelope);
    }

    /** Publishes an agent event as the command side does (key = agent id). */
    void publishAgentEvent(EventEnvelope envelope) {
        send(new ProducerRecord<>(agentTopic, envelope.aggregateId(), EventCodec.encode(envelope)));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish", e);
        }
    }

    /** Publishes to an explicit partition, to order events of different chats. */
    EventEnvelope publish(Integer partition, EventEnvelope envelope) {
        send(new ProducerRecord<>(topic, partition, envelope.aggregateId(), EventCodec.encode(envelope)));
        querySide.project(envelope);
        return envelope;
    }

    static EventEnvelope envelope(long sequence, ChatEvent event) {
        return EventEnvelope.of(Ids.random("ev"), sequence, Instant.now(), null, null, event);
    }

    static MessagePosted message(OrganizationId org, ChatId chat, UserId user, Visibility visibility, Actor author,
                                 String text) {
        return new MessagePosted(org, chat, user, new MessageId(Ids.random("msg")),
                new ClientMessageId(Ids.random("cm")), author, visibility, MessageContent.text(text));
    }

    static String userToken(OrganizationId org, String environmentId, UserId user) {
        Instant now = Instant.now();
        return TOKENS.issue(new TokenClaims(user.value(), TokenClaims.Kind.USER, org.value(), environmentId, null,
                now, now.plus(Duration.ofHours(1))));
    }

    static String agentToken(OrganizationId org, String agentId) {
        Instant now = Instant.now();
        return TOKENS.issue(new TokenClaims(agentId, TokenClaims.Kind.AGENT, org.value(), null, "AGENT", now,
                now.plus(Duration.ofHours(1))));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        edges.forEach(ConfigurableApplicationContext::close);
        producer.close(Duration.ofSeconds(5));
        querySide.close();
    }
}
