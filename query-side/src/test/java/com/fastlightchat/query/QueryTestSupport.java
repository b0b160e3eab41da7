package com.fastlightchat.query;

import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.testservers.Isolation;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the query side's integration tests share: one test class's slice of the servers, publishing envelopes as the
 * command side does (keyed by aggregate id, on the prefixed topic) and calling the API with tokens.
 */
record QueryTestSupport(Isolation isolation, AccessTokens tokens, KafkaProducer<String, byte[]> producer) {

    static QueryTestSupport forTest(Isolation isolation, String tokenSecret) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, isolation.servers().kafkaBootstrapServers());
        return new QueryTestSupport(isolation, AccessTokens.fromSecret(tokenSecret, java.time.Clock.systemUTC()),
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The slice's connection settings and the query side's own, for a {@code @DynamicPropertySource}. */
    void register(DynamicPropertyRegistry registry, String tokenSecret) {
        properties(tokenSecret).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The same settings as {@link #register}, for an application started by hand. */
    Map<String, Object> properties(String tokenSecret) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(isolation.springBootProperties());
        properties.put("flc.query.topic-prefix", isolation.topicPrefix());
        properties.put("flc.query.token-secret", tokenSecret);
        properties.put("flc.web.rate-limit.key-prefix", isolation.redisKeyPrefix() + "rl:");
        // the analytics Streams app costs CPU and time; AnalyticsIT turns it on for itself
        properties.put("flc.query.analytics.enabled", false);
        return properties;
    }

    void publish(EventEnvelope envelope) {
        publish(envelope, EnvelopeCodec.PLAIN);
    }

    /** Publishes as the command side does with {@code codec} (a sealing one seals personal data). */
    void publish(EventEnvelope envelope, EnvelopeCodec codec) {
        String topic = Topics.prefixed(isolation.topicPrefix(), envelope.payload().aggregateType().topic());
        try {
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), codec.encode(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Authorization} header of an agent of {@code organizationId}. */
    Map<String, String> agent(String organizationId, String agentId, String role) {
        Instant now = Instant.now();
        return Map.of("Authorization", "Bearer " + tokens.issue(new TokenClaims(agentId, TokenClaims.Kind.AGENT,
                organizationId, null, role, now, now.plusSeconds(600))));
    }

    String userToken(String organizationId, String environmentId, String userId) {
        Instant now = Instant.now();
        return tokens.issue(new TokenClaims(userId, TokenClaims.Kind.USER, organizationId, environmentId, null, now,
                now.plusSeconds(600)));
    }

    /** The body of a response that must have {@code status}, as JSON. */
    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        return send(port, "GET", path, headers);
    }

    /** A request without a body. */
    static HttpResponse<String> send(int port, String method, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
