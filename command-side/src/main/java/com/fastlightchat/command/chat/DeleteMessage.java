package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a message; only its author may. Deleting it again changes nothing. */
public record DeleteMessage(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                            MessageId messageId, Actor deleter) {
}
