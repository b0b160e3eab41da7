package com.fastlightchat.query.audit;

import com.fastlightchat.kernel.envelope.MalformedEventException;
import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keeps every event of every topic in {@link AuditTrail}. Consumer group {@code query-side.audit}. It reads the
 * envelope as plain JSON (not through the event registry) so that it keeps events of types it does not know.
 */
@Component
public class AuditProjector {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REQUIRED =
            List.of("eventId", "organizationId", "aggregateType", "aggregateId", "sequence", "type", "version", "occurredAt");

    private final AuditTrail trail;

    public AuditProjector(AuditTrail trail) {
        this.trail = trail;
    }

    @KafkaListener(topics = {
            "${flc.query.topic-prefix:}" + Topics.ORGANIZATION_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.ENVIRONMENT_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.AGENT_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.USER_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS},
            groupId = "${flc.query.topic-prefix:}query-side.audit")
    void on(ConsumerRecord<String, byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode envelope;
        try {
            envelope = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON at " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
        for (String field : REQUIRED) {
            if (envelope == null || !envelope.hasNonNull(field)) {
                throw new MalformedEventException("envelope lacks '" + field + "' at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset(), null);
            }
        }
        trail.record(envelope, json);
    }
}
