package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agent sets their own password (the current one was checked by the caller); {@code passwordHash} is bcrypt. */
public record SetAgentPassword(@TargetAggregateIdentifier AgentId agentId, ActingAgent by, String passwordHash) {
}
