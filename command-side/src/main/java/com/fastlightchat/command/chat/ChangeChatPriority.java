package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeChatPriority(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                                 Priority priority, Actor changedBy) {
}
