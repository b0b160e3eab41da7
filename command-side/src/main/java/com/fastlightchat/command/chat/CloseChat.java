package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, Actor closedBy) {
}
