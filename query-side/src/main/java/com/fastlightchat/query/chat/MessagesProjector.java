package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Messages} up to date from chat events and end users' erasures. Consumer group
 * {@code query-side.messages}.
 */
@Component
public class MessagesProjector {

    private final Messages messages;

    public MessagesProjector(Messages messages) {
        this.messages = messages;
    }

    @KafkaListener(topics = {"${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.USER_EVENTS},
            groupId = "${flc.query.topic-prefix:}query-side.messages")
    void on(ConsumerRecord<String, byte[]> record) {
        messages.project(record);
    }
}
