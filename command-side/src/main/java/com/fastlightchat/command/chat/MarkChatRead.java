package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reader (the chat's user, or an agent) has seen the chat up to sequence {@code upTo}. Read marks only move
 * forward; a mark at or below the reader's current one changes nothing.
 */
public record MarkChatRead(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, Actor reader,
                           long upTo) {
}
