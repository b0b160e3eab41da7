package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Owners only. Demoting the organization's last active owner is refused by {@link AgentLogins}. */
public record ChangeAgentRole(@TargetAggregateIdentifier AgentId agentId, ActingAgent by, Role role) {
}
