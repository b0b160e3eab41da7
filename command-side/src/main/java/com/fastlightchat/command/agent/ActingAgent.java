package com.fastlightchat.command.agent;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.web.Rejection;

/**
 * The authenticated agent who sends a dashboard command. Aggregates check the caller's role first (a 403 that says
 * nothing about the target), then the organization (another tenant's things are 404).
 */
public record ActingAgent(OrganizationId organizationId, AgentId agentId, Role role) {

    public static ActingAgent of(AgentIdentity identity) {
        return new ActingAgent(new OrganizationId(identity.organizationId()), new AgentId(identity.agentId()),
                Role.valueOf(identity.role()));
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    public boolean isAdmin() {
        return role == Role.OWNER || role == Role.ADMIN;
    }

    /** Owners and admins only. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw Rejection.forbidden("only an owner or admin may do this");
        }
    }

    public void requireOwner() {
        if (!isOwner()) {
            throw Rejection.forbidden("only an owner may do this");
        }
    }

    /** Reports a thing of another organization as {@code what} not found. */
    public void requireOrganization(OrganizationId owner, String what) {
        if (!organizationId.equals(owner)) {
            throw Rejection.notFound(what);
        }
    }
}
