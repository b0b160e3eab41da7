package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hands the chat to an agent and/or a team (at least one of them). The caller has checked that the agent is an
 * active agent of the organization. {@code teamId} is a plain id until the kernel has a team id type.
 */
public record AssignChat(@TargetAggregateIdentifier ChatId chatId, OrganizationId organizationId, AgentId agentId,
                         String teamId, AssignmentReason reason, Actor assignedBy) {
}
