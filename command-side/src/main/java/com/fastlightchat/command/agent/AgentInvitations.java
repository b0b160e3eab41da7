package com.fastlightchat.command.agent;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationAccepted;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationIssued;
import com.fastlightchat.kernel.id.AgentId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Optional;

/**
 * Open invitations by token hash, so that a presented token finds its agent. Tokens are 256 random bits, shown to
 * the inviter once; like API secrets they are stored only as a SHA-256 hash ({@link ApiSecrets}). An accepted
 * invitation, or one of a deactivated agent, is gone.
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class AgentInvitations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_LENGTH = 128;

    private final JdbcClient jdbc;

    public AgentInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new one-time invitation token, e.g. {@code inv_Xq3…}. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "inv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return ApiSecrets.hash(token);
    }

    @EventHandler
    void on(AgentInvitationIssued event) {
        jdbc.sql("""
                        insert into agent_invitations (token_hash, agent_id, organization_id, expires_at)
                        values (:hash, :agent, :org, :expires)
                        on conflict (agent_id) do update set token_hash = excluded.token_hash,
                          expires_at = excluded.expires_at""")
                .param("hash", event.tokenHash())
                .param("agent", event.agentId().value())
                .param("org", event.organizationId().value())
                .param("expires", Timestamp.from(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(AgentInvitationAccepted event) {
        remove(event.agentId());
    }

    @EventHandler
    void on(AgentDeactivated event) {
        remove(event.agentId());
    }

    /** The invited agent for a presented token, if the token names an open invitation (expired or not). */
    public Optional<AgentId> agentFor(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("select agent_id from agent_invitations where token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, n) -> new AgentId(rs.getString(1)))
                .optional();
    }

    private void remove(AgentId agent) {
        jdbc.sql("delete from agent_invitations where agent_id = :agent").param("agent", agent.value()).update();
    }
}
