package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins set how many chats an agent may hold at once, 0 to {@link Agent#MAX_CAPACITY}. */
public record ChangeAgentCapacity(@TargetAggregateIdentifier AgentId agentId, ActingAgent by,
                                  int maxConcurrentChats) {
}
