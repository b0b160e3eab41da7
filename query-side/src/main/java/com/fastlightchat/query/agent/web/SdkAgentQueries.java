package com.fastlightchat.query.agent.web;

import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.query.agent.Agents;
import com.fastlightchat.web.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an end user may know of the agents who answer them, for the chat widget ({@code X-Plugin-Key} +
 * {@code X-User-Token}): the display name of an agent of the caller's organization, nothing else (no login, role,
 * presence or load). Another organization's agent is answered like a missing one.
 */
@RestController
public class SdkAgentQueries {

    /** An agent as end users see them. */
    public record PublicAgent(String agentId, String name) {
    }

    private final Agents agents;

    public SdkAgentQueries(Agents agents) {
        this.agents = agents;
    }

    @GetMapping("/v1/sdk/agents/{agentId}")
    public PublicAgent agent(SdkIdentity caller, @PathVariable String agentId) {
        Ids.require(agentId, "agentId");
        return agents.find(caller.organizationId(), agentId).map(a -> new PublicAgent(a.agentId(), a.name()))
                .orElseThrow(() -> Rejection.notFound("agent"));
    }
}
