package com.fastlightchat.query.audit;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every event of every topic in {@link AuditTrail}. Consumer group {@code query-side.audit}.
 */
@Component
public class AuditProjector {

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
        trail.project(record);
    }
}
