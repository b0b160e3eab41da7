package com.fastlightchat.query.environment;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link Environments} up to date. Consumer group {@code query-side.environments}. */
@Component
public class EnvironmentsProjector {

    private final Environments environments;

    public EnvironmentsProjector(Environments environments) {
        this.environments = environments;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.ENVIRONMENT_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.environments")
    void on(ConsumerRecord<String, byte[]> record) {
        environments.project(record);
    }
}
