package com.fastlightchat.command.user;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The chats of each end user (opened, or transferred to them), kept in the command's transaction, for moving them when a user is merged. */
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

    /** A transferred chat belongs to its new user from now on. */
    @EventHandler
    void on(ChatTransferred event) {
        jdbc.sql("update user_chats set user_id = :user where chat_id = :chat")
                .param("user", event.userId().value())
                .param("chat", event.chatId().value())
                .update();
    }

    public List<ChatId> of(UserId userId) {
        return jdbc.sql("select chat_id from user_chats where user_id = :user order by chat_id")
                .param("user", userId.value())
                .query((rs, n) -> new ChatId(rs.getString(1)))
                .list();
    }
}
