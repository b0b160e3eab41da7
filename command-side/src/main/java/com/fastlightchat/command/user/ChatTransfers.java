package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;

/**
 * Moves a chat from one end user to another; must be idempotent (a chat already moved stays as it is), because the
 * merge process may send the same transfer again after a restart. {@link AxonChatTransfers} sends the chat's own
 * command.
 */
public interface ChatTransfers {

    void transfer(ChatId chatId, OrganizationId organizationId, UserId fromUserId, UserId toUserId);
}
