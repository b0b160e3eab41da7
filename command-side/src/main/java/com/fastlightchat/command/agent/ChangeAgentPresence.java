package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.event.AgentEvent.Presence;
import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent sets their own presence. */
public record ChangeAgentPresence(@TargetAggregateIdentifier AgentId agentId, ActingAgent by, Presence presence) {
}
