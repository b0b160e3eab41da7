package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Posts a message. {@code organizationId} is the caller's tenant, checked against the chat's. Posting twice with
 * the same {@code clientMessageId} answers with the first message and appends nothing.
 */
public record PostMessage(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                          MessageId messageId, ClientMessageId clientMessageId, Actor author, Visibility visibility,
                          MessageContent content) {

    /** The answer: where the message is. {@code duplicate} is true when the client message id was seen before. */
    public record Receipt(String chatId, String messageId, long sequence, boolean duplicate) {
    }
}
