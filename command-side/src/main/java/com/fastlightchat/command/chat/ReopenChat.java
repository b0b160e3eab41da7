package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent reopens a closed or snoozed chat; an open chat stays as it is. */
public record ReopenChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                         Actor reopenedBy) {
}
