package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may take part in an organization's chats, read from the command side's own look-up tables (kept in the
 * transactions of the user, environment and agent events, so always current).
 */
@Component
public class ChatParties {

    private final JdbcClient jdbc;

    public ChatParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The environment of end user {@code userId} if the user belongs to {@code organizationId}. */
    public Optional<EnvironmentId> environmentOfUser(UserId userId, OrganizationId organizationId) {
        return jdbc.sql("""
                        select v.environment_id from user_veils v
                        join environment_keys k on k.environment_id = v.environment_id
                        where v.user_id = :user and k.organization_id = :org""")
                .param("user", userId.value())
                .param("org", organizationId.value())
                .query((rs, n) -> new EnvironmentId(rs.getString(1)))
                .optional();
    }

    /** Whether {@code agentId} is an active agent of {@code organizationId}. */
    public boolean isActiveAgent(AgentId agentId, OrganizationId organizationId) {
        return jdbc.sql("select count(*) from agent_logins where agent_id = :agent and organization_id = :org and active")
                .param("agent", agentId.value())
                .param("org", organizationId.value())
                .query(Integer.class).single() > 0;
    }
}
