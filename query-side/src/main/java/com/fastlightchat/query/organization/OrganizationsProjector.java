package com.fastlightchat.query.organization;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link Organizations} up to date. Consumer group {@code query-side.organizations}. */
@Component
public class OrganizationsProjector {

    private final Organizations organizations;

    public OrganizationsProjector(Organizations organizations) {
        this.organizations = organizations;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.ORGANIZATION_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.organizations")
    void on(ConsumerRecord<String, byte[]> record) {
        organizations.project(record);
    }
}
