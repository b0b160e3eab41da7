package com.fastlightchat.command.chat;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatSnoozed;
import com.fastlightchat.kernel.id.ChatId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The snooze deadlines still to come, one per snoozed chat, kept in the same transaction as the chat's events: a
 * snooze adds or replaces its chat's row, a reopen or close removes it.
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class ChatWakeUps {

    /** A chat due to wake up at {@code wakeAt}. */
    public record WakeUp(ChatId chatId, Instant wakeAt) {
    }

    private final JdbcClient jdbc;

    public ChatWakeUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChatSnoozed event) {
        jdbc.sql("""
                        insert into chat_wake_ups (chat_id, organization_id, wake_at) values (:chat, :org, :at)
                        on conflict (chat_id) do update set wake_at = excluded.wake_at""")
                .param("chat", event.chatId().value())
                .param("org", event.organizationId().value())
                .param("at", Timestamp.from(event.until()))
                .update();
    }

    @EventHandler
    void on(ChatReopened event) {
        remove(event.chatId());
    }

    @EventHandler
    void on(ChatClosed event) {
        remove(event.chatId());
    }

    private void remove(ChatId chatId) {
        jdbc.sql("delete from chat_wake_ups where chat_id = :chat").param("chat", chatId.value()).update();
    }

    /** Up to {@code limit} wake-ups due at {@code now}, earliest first. */
    public List<WakeUp> due(Instant now, int limit) {
        return jdbc.sql("select chat_id, wake_at from chat_wake_ups where wake_at <= :now order by wake_at limit :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new WakeUp(new ChatId(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Forgets a wake-up that was handled, unless its chat was snoozed again meanwhile (another deadline). */
    public void done(WakeUp wakeUp) {
        jdbc.sql("delete from chat_wake_ups where chat_id = :chat and wake_at = :at")
                .param("chat", wakeUp.chatId().value())
                .param("at", Timestamp.from(wakeUp.wakeAt()))
                .update();
    }
}
