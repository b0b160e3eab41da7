package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Owners and admins set the teams an agent belongs to (all of them: teams not listed are left). The teams were
 * checked to exist in the caller's organization by the sender (see {@link Teams}).
 */
public record ChangeAgentTeams(@TargetAggregateIdentifier AgentId agentId, ActingAgent by, Set<TeamId> teamIds) {
    public ChangeAgentTeams {
        teamIds = Set.copyOf(teamIds);
    }
}
