package com.fastlightchat.query.user;

import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link Users} up to date from user and chat events. Consumer group {@code query-side.users}. */
@Component
public class UsersProjector {

    private final Users users;

    public UsersProjector(Users users) {
        this.users = users;
    }

    @KafkaListener(topics = {"${flc.query.topic-prefix:}" + Topics.USER_EVENTS,
            "${flc.query.topic-prefix:}" + Topics.CHAT_EVENTS},
            groupId = "${flc.query.topic-prefix:}query-side.users")
    void on(ConsumerRecord<String, byte[]> record) {
        users.project(record);
    }
}
