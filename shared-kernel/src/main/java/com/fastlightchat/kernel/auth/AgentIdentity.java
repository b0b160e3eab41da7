package com.fastlightchat.kernel.auth;

/**
 * An authenticated dashboard agent, from a verified access token.
 *
 * @param role the agent's role name when the token was issued: {@code OWNER}, {@code ADMIN} or {@code AGENT}
 */
public record AgentIdentity(String organizationId, String agentId, String role) {

    public boolean isOwner() {
        return "OWNER".equals(role);
    }

    /** Owners and admins administer the organization. */
    public boolean isAdmin() {
        return "OWNER".equals(role) || "ADMIN".equals(role);
    }
}
