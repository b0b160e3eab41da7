package com.fastlightchat.query.environment;

import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects environment events into {@link Environments}. Consumer group {@code query-side.environments}. */
@Component
public class EnvironmentsProjector {

    private final Environments environments;

    public EnvironmentsProjector(Environments environments) {
        this.environments = environments;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.ENVIRONMENT_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.environments")
    void on(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            if (envelope.payload() instanceof EnvironmentCreated created) {
                environments.apply(envelope, created);
            }
        });
    }
}
