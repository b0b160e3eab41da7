package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a tag; a tag the chat does not have changes nothing. */
public record UntagChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, String tag,
                        Actor untaggedBy) {
}
