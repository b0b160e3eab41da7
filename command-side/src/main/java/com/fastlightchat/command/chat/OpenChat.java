package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                       EnvironmentId environmentId, UserId userId, Actor openedBy) {
}
