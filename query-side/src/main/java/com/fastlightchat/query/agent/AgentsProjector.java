package com.fastlightchat.query.agent;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link Agents} up to date. Consumer group {@code query-side.agents}. */
@Component
public class AgentsProjector {

    private final Agents agents;

    public AgentsProjector(Agents agents) {
        this.agents = agents;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.AGENT_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.agents")
    void on(ConsumerRecord<String, byte[]> record) {
        agents.project(record);
    }
}
