package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.QueueReason;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts an open chat without an agent in the routing queue of {@code teamId} (null: any agent). The caller has
 * checked that the team is one of the organization's. Only a {@link QueueReason#REQUESTED} queueing of a closed
 * chat is refused; routing's own (automatic) ones find the chat closed meanwhile and change nothing.
 */
public record QueueChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, TeamId teamId,
                        QueueReason reason, Actor queuedBy) {
}
