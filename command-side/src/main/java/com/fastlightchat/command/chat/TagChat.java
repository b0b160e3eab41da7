package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a tag ({@code [a-z0-9][a-z0-9-]{0,31}}, at most 20 per chat); a tag the chat has changes nothing. */
public record TagChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, String tag,
                      Actor taggedBy) {
}
