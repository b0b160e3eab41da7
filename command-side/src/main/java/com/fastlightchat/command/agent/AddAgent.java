package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds an agent; {@code passwordHash} is a bcrypt hash or null (the agent sets a password later). */
public record AddAgent(@TargetAggregateIdentifier AgentId agentId, OrganizationId organizationId, String login,
                       Role role, PersonProfile profile, String passwordHash) {
}
