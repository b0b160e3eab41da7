package com.fastlightchat.examples.analytics;

import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example consumer on a real broker: envelopes as the platform publishes them (written out here as plain JSON,
 * the way an analytics team reads the contract) give the expected live figures, duplicates and internal notes
 * included.
 */
class AnalyticsConsumerIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(AnalyticsConsumerIT.class);
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void givenChatsOnTheStream_whenTapped_thenMessagesPerMinuteAndFirstResponseMedianAreTheExpectedOnes() {
        List<String> events = new ArrayList<>();
        // org_a: first responses of 40 s, 20 s and 60 s (median 40 s); 5 public messages, 3 in the minute before
        // its newest event (at 90 s: those at 40, 60 and 90 s)
        events.add(opened("org_a", "ch_1", 1, 0));
        events.add(posted("org_a", "ch_1", 2, 10, "USER", "PUBLIC"));
        events.add(posted("org_a", "ch_1", 3, 40, "AGENT", "PUBLIC"));
        events.add(posted("org_a", "ch_1", 3, 40, "AGENT", "PUBLIC")); // redelivered: counted once
        events.add(opened("org_a", "ch_2", 1, 5));
        events.add(posted("org_a", "ch_2", 2, 15, "AGENT", "INTERNAL")); // a note: neither a message nor a reply
        events.add(posted("org_a", "ch_2", 3, 25, "AGENT", "PUBLIC"));
        events.add(opened("org_a", "ch_3", 1, 30));
        events.add(posted("org_a", "ch_3", 2, 60, "BOT", "PUBLIC"));
        events.add(posted("org_a", "ch_3", 3, 90, "AGENT", "PUBLIC"));
        // org_b: waiting, one message
        events.add(opened("org_b", "ch_9", 1, 0));
        events.add(posted("org_b", "ch_9", 2, 3, "USER", "PUBLIC"));
        publish(events);

        LiveMetrics metrics = new LiveMetrics();
        try (AnalyticsConsumer consumer = new AnalyticsConsumer(ISOLATION.servers().kafkaBootstrapServers(),
                ISOLATION.topicPrefix(), "earliest", metrics)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return metrics.snapshot().containsKey("org_b")
                        && metrics.snapshot().get("org_a").firstResponses() == 3;
            });
        }

        assertThat(metrics.snapshot().get("org_a")).isEqualTo(new LiveMetrics.Figures(3, 40.0, 3));
        assertThat(metrics.snapshot().get("org_b")).isEqualTo(new LiveMetrics.Figures(1, null, 0));
        assertThat(metrics.render()).contains("org_a").contains("40.0 s (3)");
    }

    private static void publish(List<String> events) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ISOLATION.servers().kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String event : events) {
                String chat = event.replaceAll(".*\"aggregateId\":\"([^\"]+)\".*", "$1");
                producer.send(new ProducerRecord<>(ISOLATION.topicPrefix() + "chat-events", chat, event));
            }
            producer.flush();
        }
    }

    private static String opened(String org, String chat, long sequence, int second) {
        return envelope(org, chat, sequence, second, "chat.opened", """
                {"organizationId":"%s","chatId":"%s","environmentId":"env_1","userId":"usr_1",
                 "openedBy":{"kind":"USER","id":"usr_1"}}""".formatted(org, chat));
    }

    private static String posted(String org, String chat, long sequence, int second, String author, String visibility) {
        return envelope(org, chat, sequence, second, "chat.message-posted", """
                {"organizationId":"%s","chatId":"%s","userId":"usr_1","messageId":"msg_%s_%d",
                 "clientMessageId":"cm_%d","author":{"kind":"%s","id":"someone"},"visibility":"%s",
                 "content":{"text":"hello","attachments":[]}}""".formatted(org, chat, chat, sequence, sequence, author,
                visibility));
    }

    private static String envelope(String org, String chat, long sequence, int second, String type, String payload) {
        return ("{\"eventId\":\"%s-%d\",\"type\":\"%s\",\"version\":1,\"aggregateType\":\"chat\",\"aggregateId\":\"%s\","
                + "\"sequence\":%d,\"organizationId\":\"%s\",\"occurredAt\":\"%s\",\"payload\":%s}")
                .formatted(chat, sequence, type, chat, sequence, org, T0.plusSeconds(second), payload.replace("\n", ""));
    }
}
