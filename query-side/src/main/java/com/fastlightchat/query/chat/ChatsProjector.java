package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Chats} up to date from chat events and end users' erasures. Consumer group {@code query-side.chats}.
 */
@Component
public class ChatsProjector {

    private final Chats chats;

    public ChatsProjector(Chats chats) {
        this.chats = chats;
    }

    @KafkaListener(topics = {"${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.USER_EVENTS},
            groupId = "${flc.query.topic-prefix:}query-side.chats")
    void on(ConsumerRecord<String, byte[]> record) {
        chats.project(record);
    }
}
