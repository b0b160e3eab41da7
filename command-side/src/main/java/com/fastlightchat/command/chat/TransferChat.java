package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the chat from end user {@code fromUserId} to {@code toUserId} (sent by the user-merge process). Idempotent:
 * a chat that already belongs to {@code toUserId}, or that does not belong to {@code fromUserId}, stays as it is.
 */
public record TransferChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                           UserId fromUserId, UserId toUserId) {
}
