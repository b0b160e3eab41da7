package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;

/** The agent asking for an environment change, with the role their access token names. */
public record Requester(AgentId agentId, Role role) {

    public Actor actor() {
        return Actor.agent(agentId.value());
    }
}
