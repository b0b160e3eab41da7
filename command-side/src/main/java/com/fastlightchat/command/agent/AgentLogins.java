package com.fastlightchat.command.agent;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Agent logins (unique across the platform) with their password hashes, kept in the same transaction as the
 * agent's events. A second agent with a taken login makes the whole command fail.
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class AgentLogins {

    public record Account(AgentId agentId, OrganizationId organizationId, Role role, String passwordHash) {
    }

    private final JdbcClient jdbc;

    public AgentLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgentAdded event) {
        int rows = jdbc.sql("""
                        insert into agent_logins (login, agent_id, organization_id, role) values (:login, :agent, :org, :role)
                        on conflict (login) do update set role = excluded.role
                        where agent_logins.agent_id = excluded.agent_id""")
                .param("login", event.login())
                .param("agent", event.agentId().value())
                .param("org", event.organizationId().value())
                .param("role", event.role().name())
                .update();
        if (rows == 0) {
            throw Rejection.conflict("login", "an agent with this login already exists");
        }
    }

    @EventHandler
    void on(AgentPasswordSet event) {
        jdbc.sql("update agent_logins set password_hash = :hash where agent_id = :agent")
                .param("hash", event.passwordHash())
                .param("agent", event.agentId().value())
                .update();
    }

    /** Whether the agent exists and may act (deactivation, #3, clears it). */
    public boolean isActive(String agentId) {
        return jdbc.sql("select count(*) from agent_logins where agent_id = :agent and active")
                .param("agent", agentId).query(Integer.class).single() > 0;
    }

    public boolean isTaken(String login) {
        return jdbc.sql("select count(*) from agent_logins where login = :login").param("login", login)
                .query(Integer.class).single() > 0;
    }

    public Optional<Account> byLogin(String login) {
        return jdbc.sql("select agent_id, organization_id, role, password_hash from agent_logins where login = :login")
                .param("login", login)
                .query((rs, n) -> new Account(new AgentId(rs.getString(1)), new OrganizationId(rs.getString(2)),
                        Role.valueOf(rs.getString(3)), rs.getString(4)))
                .optional();
    }
}
