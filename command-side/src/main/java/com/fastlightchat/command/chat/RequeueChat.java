package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Routing takes the chat away from {@code agentId}, who went offline or was deactivated, and queues it again for
 * its team. Changes nothing unless the chat is still open (or snoozed) and still that agent's.
 */
public record RequeueChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, AgentId agentId) {
}
