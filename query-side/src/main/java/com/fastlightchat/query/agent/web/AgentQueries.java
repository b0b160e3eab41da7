package com.fastlightchat.query.agent.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.query.agent.Agents;
import com.fastlightchat.query.agent.Agents.Agent;
import com.fastlightchat.web.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The agents of the caller's organization, for the dashboard ({@code Authorization: Bearer}, any role): role,
 * status, presence, capacity, current load and teams. Another organization's agent is answered like a missing one.
 */
@RestController
public class AgentQueries {

    public record AgentList(List<Agent> agents) {
    }

    private final Agents agents;

    public AgentQueries(Agents agents) {
        this.agents = agents;
    }

    @GetMapping("/v1/agents")
    public AgentList agents(AgentIdentity caller) {
        return new AgentList(agents.all(caller.organizationId()));
    }

    @GetMapping("/v1/agents/{agentId}")
    public Agent agent(AgentIdentity caller, @PathVariable String agentId) {
        Ids.require(agentId, "agentId");
        return agents.find(caller.organizationId(), agentId).orElseThrow(() -> Rejection.notFound("agent"));
    }
}
