package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects posted messages into {@link Messages}. Consumer group {@code query-side.messages}. */
@Component
public class MessagesProjector {

    private final Messages messages;

    public MessagesProjector(Messages messages) {
        this.messages = messages;
    }

    @KafkaListener(topics = "${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS,
            groupId = "${flc.query.topic-prefix:}query-side.messages")
    void on(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            if (envelope.payload() instanceof MessagePosted posted) {
                messages.apply(envelope, posted);
            }
        });
    }
}
