package com.fastlightchat.query.agent;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link AgentLoads} up to date. Consumer group {@code query-side.agent-loads}. */
@Component
public class AgentLoadsProjector {

    private final AgentLoads loads;

    public AgentLoadsProjector(AgentLoads loads) {
        this.loads = loads;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.agent-loads")
    void on(ConsumerRecord<String, byte[]> record) {
        loads.project(record);
    }
}
