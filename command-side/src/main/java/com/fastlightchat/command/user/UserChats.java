package com.fastlightchat.command.user;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The chats each end user opened, kept in the command's transaction, for moving them when a user is merged. */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class UserChats {

    private final JdbcClient jdbc;

    public UserChats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChatOpened event) {
        jdbc.sql("""
                        insert into user_chats (chat_id, user_id, organization_id) values (:chat, :user, :org)
                        on conflict (chat_id) do nothing""")
                .param("chat", event.chatId().value())
                .param("user", event.userId().value())
                .param("org", event.organizationId().value())
                .update();
    }

    public List<ChatId> of(UserId userId) {
        return jdbc.sql("select chat_id from user_chats where user_id = :user order by chat_id")
                .param("user", userId.value())
                .query((rs, n) -> new ChatId(rs.getString(1)))
                .list();
    }
}
