package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Redeems an invitation: the presented token's hash must be the open invitation's, and {@code now} before expiry. */
public record AcceptInvitation(@TargetAggregateIdentifier AgentId agentId, String tokenHash, String passwordHash,
                               Instant now) {
}
