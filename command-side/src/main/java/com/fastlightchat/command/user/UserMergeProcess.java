package com.fastlightchat.command.user;

import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Moves every chat of a merged user to the member's user. It runs in its own tracking processor, so a merge
 * answers at once and the transfers follow; its position is stored with the transfers it recorded, and a failed
 * transfer is retried (with back-off) until it succeeds, so no chat is left behind. Each chat is first recorded in
 * {@code user_chat_transfers}, then transferred through {@link ChatTransfers} and marked done; while no
 * {@link ChatTransfers} is wired the transfers stay recorded as pending.
 */
@Component
@ProcessingGroup(UserMergeProcess.PROCESSING_GROUP)
public class UserMergeProcess {

    public static final String PROCESSING_GROUP = "user-merges";

    /** A chat to move and whether it was moved. */
    public record Transfer(ChatId chatId, UserId fromUserId, UserId toUserId, boolean done) {
    }

    private final JdbcClient jdbc;
    private final UserChats chats;
    private final ObjectProvider<ChatTransfers> transfers;

    public UserMergeProcess(JdbcClient jdbc, UserChats chats, ObjectProvider<ChatTransfers> transfers) {
        this.jdbc = jdbc;
        this.chats = chats;
        this.transfers = transfers;
    }

    @EventHandler
    void on(UserMerged event) {
        for (ChatId chatId : chats.of(event.userId())) {
            jdbc.sql("""
                            insert into user_chat_transfers (chat_id, from_user_id, to_user_id, organization_id)
                            values (:chat, :from, :to, :org) on conflict (chat_id, from_user_id) do nothing""")
                    .param("chat", chatId.value())
                    .param("from", event.userId().value())
                    .param("to", event.mergedInto().value())
                    .param("org", event.organizationId().value())
                    .update();
        }
        ChatTransfers sender = transfers.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (Transfer transfer : of(event.userId())) {
            if (!transfer.done()) {
                sender.transfer(transfer.chatId(), event.organizationId(), transfer.fromUserId(), transfer.toUserId());
                jdbc.sql("update user_chat_transfers set done_at = now() where chat_id = :chat and from_user_id = :from")
                        .param("chat", transfer.chatId().value())
                        .param("from", transfer.fromUserId().value())
                        .update();
            }
        }
    }

    /** The transfers recorded for the chats of a merged user. */
    public List<Transfer> of(UserId fromUserId) {
        return jdbc.sql("""
                        select chat_id, from_user_id, to_user_id, done_at is not null from user_chat_transfers
                        where from_user_id = :from order by chat_id""")
                .param("from", fromUserId.value())
                .query((rs, n) -> new Transfer(new ChatId(rs.getString(1)), new UserId(rs.getString(2)),
                        new UserId(rs.getString(3)), rs.getBoolean(4)))
                .list();
    }
}
