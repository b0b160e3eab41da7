package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Adds an agent to the caller's organization with an invitation: the invitee redeems the one-time token, whose
 * SHA-256 {@code tokenHash} alone is stored, before {@code expiresAt} to set their password.
 */
public record InviteAgent(@TargetAggregateIdentifier AgentId agentId, ActingAgent by, String login, Role role,
                          PersonProfile profile, String tokenHash, Instant expiresAt) {
}
