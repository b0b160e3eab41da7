package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the chat away from its agent and team; an unassigned chat stays as it is. */
public record UnassignChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId,
                           AssignmentReason reason, Actor unassignedBy) {
}
