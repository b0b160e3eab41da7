package com.fastlightchat.command.agent;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.AgentEvent.AgentRoleChanged;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Agent logins (unique across the platform) with their password hashes, roles and active flags, and the number of
 * active owners of each organization, kept in the same transaction as the agent's events. A second agent with a
 * taken login, or a change that would leave an organization without an active owner, makes the whole command fail.
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class AgentLogins {

    /** @param passwordChangedAt when the password was last set (null: never, or before this was recorded) */
    public record Account(AgentId agentId, OrganizationId organizationId, Role role, String passwordHash,
                          boolean active, Instant passwordChangedAt) {

        /**
         * Whether a token issued at {@code issuedAt} predates the last password change. Token times have whole
         * seconds, so a token of the very second of the change still counts as after it.
         */
        public boolean issuedBeforePasswordChange(Instant issuedAt) {
            return passwordChangedAt != null && issuedAt.isBefore(passwordChangedAt.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private static final String ACCOUNT_COLUMNS = "select agent_id, organization_id, role, password_hash, active, "
            + "password_changed_at from agent_logins where ";

    private final JdbcClient jdbc;

    public AgentLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgentAdded event) {
        lockOwners(event.organizationId());
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
        recountOwners(event.organizationId(), "role");
    }

    @EventHandler
    void on(AgentPasswordSet event, @Timestamp Instant at) {
        jdbc.sql("update agent_logins set password_hash = :hash, password_changed_at = :at where agent_id = :agent")
                .param("hash", event.passwordHash())
                .param("at", java.sql.Timestamp.from(at))
                .param("agent", event.agentId().value())
                .update();
    }

    @EventHandler
    void on(AgentRoleChanged event) {
        lockOwners(event.organizationId());
        jdbc.sql("update agent_logins set role = :role where agent_id = :agent")
                .param("role", event.role().name())
                .param("agent", event.agentId().value())
                .update();
        recountOwners(event.organizationId(), "role");
    }

    @EventHandler
    void on(AgentDeactivated event) {
        lockOwners(event.organizationId());
        jdbc.sql("update agent_logins set active = false where agent_id = :agent")
                .param("agent", event.agentId().value())
                .update();
        recountOwners(event.organizationId(), "agentId");
    }

    /**
     * Creates the organization's owner count if needed and locks it until the transaction ends, so that changes
     * to the owners of one organization happen one after another.
     */
    private void lockOwners(OrganizationId organization) {
        jdbc.sql("""
                        insert into organization_owner_counts (organization_id, active_owners) values (:org, 1)
                        on conflict (organization_id) do update set active_owners = organization_owner_counts.active_owners""")
                .param("org", organization.value())
                .update();
    }

    /** Recounts (idempotently) from the logins; refuses a result of no active owner, naming {@code field}. */
    private void recountOwners(OrganizationId organization, String field) {
        int owners = jdbc.sql("select count(*) from agent_logins where organization_id = :org and role = 'OWNER' "
                        + "and active")
                .param("org", organization.value()).query(Integer.class).single();
        if (owners == 0) {
            throw Rejection.conflict(field, "an organization must keep at least one active owner");
        }
        jdbc.sql("update organization_owner_counts set active_owners = :owners where organization_id = :org")
                .param("owners", owners)
                .param("org", organization.value())
                .update();
    }

    /** Whether the agent exists and may act (deactivation clears it). */
    public boolean isActive(String agentId) {
        return jdbc.sql("select count(*) from agent_logins where agent_id = :agent and active")
                .param("agent", agentId).query(Integer.class).single() > 0;
    }

    /**
     * Whether the agent is active and still holds {@code role}: an access token issued before a role change is
     * refused, so a demoted agent cannot keep acting with their former rights until the token expires.
     */
    public boolean isActiveInRole(String agentId, String role) {
        return jdbc.sql("select count(*) from agent_logins where agent_id = :agent and role = :role and active")
                .param("agent", agentId).param("role", String.valueOf(role)).query(Integer.class).single() > 0;
    }

    public boolean isTaken(String login) {
        return jdbc.sql("select count(*) from agent_logins where login = :login").param("login", login)
                .query(Integer.class).single() > 0;
    }

    /** The login (e-mail) of an agent. */
    public Optional<String> loginOf(String agentId) {
        return jdbc.sql("select login from agent_logins where agent_id = :agent").param("agent", agentId)
                .query(String.class).optional();
    }

    public Optional<Account> byLogin(String login) {
        return find("login", login);
    }

    public Optional<Account> byAgentId(String agentId) {
        return find("agent_id", agentId);
    }

    private Optional<Account> find(String column, String value) {
        return jdbc.sql(ACCOUNT_COLUMNS + column + " = :value")
                .param("value", value)
                .query((rs, n) -> new Account(new AgentId(rs.getString(1)), new OrganizationId(rs.getString(2)),
                        Role.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }
}
