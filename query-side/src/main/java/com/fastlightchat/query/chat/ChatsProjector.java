package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects chat events into {@link Chats}. Consumer group {@code query-side.chats}. */
@Component
public class ChatsProjector {

    private final Chats chats;

    public ChatsProjector(Chats chats) {
        this.chats = chats;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.chats")
    void on(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            if (envelope.payload() instanceof ChatEvent event) {
                chats.apply(envelope, event);
            }
        });
    }
}
