package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the whole content (text and attachments) of a message; only its author may, and not once deleted. */
public record EditMessage(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                          MessageId messageId, Actor editor, MessageContent content) {
}
