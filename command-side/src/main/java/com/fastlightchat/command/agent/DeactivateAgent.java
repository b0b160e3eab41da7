package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners and admins; only an owner may deactivate an owner, and never the last active one. */
public record DeactivateAgent(@TargetAggregateIdentifier AgentId agentId, ActingAgent by) {
}
