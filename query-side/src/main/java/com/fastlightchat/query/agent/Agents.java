package com.fastlightchat.query.agent;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentCapacityChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationAccepted;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationIssued;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentRoleChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentTeamsChanged;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agents} table: one row per agent, never a password or invitation hash. Written only by
 * {@link AgentsProjector}; an event changes the row only when its sequence is above the row's {@code last_sequence},
 * so duplicates and older redeliveries change nothing, and {@code last_sequence} is the agent's position (every
 * agent event moves it). Status: {@code invited} when added or invited (no password yet), {@code active} once a
 * password is set, {@code deactivated} for good.
 */
@Repository
public class Agents {

    /**
     * An agent as the dashboard sees it; enum-like values in lower case.
     *
     * @param capacity how many chats the agent may be assigned at once
     * @param load     the open chats assigned to the agent now
     * @param teamIds  the teams the agent is in, without deleted ones, sorted
     */
    public record Agent(String agentId, String organizationId, String login, String name, String role, String status,
                        String presence, int capacity, long load, List<String> teamIds, Instant addedAt,
                        Instant updatedAt, long lastSequence) {
    }

    private static final String SELECT = """
            select a.agent_id, a.organization_id, a.login, a.name, a.role, a.status, a.presence, a.capacity,
                   (select count(*) from agent_chat_assignments c
                    where c.agent_id = a.agent_id and c.organization_id = a.organization_id and c.open) as load,
                   array(select t from unnest(a.team_ids) t
                         where not exists (select 1 from teams d where d.team_id = t and d.deleted) order by t) as teams,
                   a.added_at, a.updated_at, a.last_sequence
            from agents a
            """;

    private final JdbcClient jdbc;

    public Agents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one agent-events record; idempotent. */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case AgentAdded added -> added(envelope, added);
                case AgentInvitationIssued issued -> change(envelope, "status = 'invited'", Map.of());
                case AgentInvitationAccepted accepted -> change(envelope, "status = 'active'", Map.of());
                case AgentPasswordSet set -> change(envelope,
                        "status = case when status = 'deactivated' then status else 'active' end", Map.of());
                case AgentRoleChanged changed -> change(envelope, "role = :role", Map.of("role", lower(changed.role())));
                case AgentDeactivated deactivated -> change(envelope, "status = 'deactivated'", Map.of());
                case AgentPresenceChanged presence ->
                        change(envelope, "presence = :presence", Map.of("presence", lower(presence.presence())));
                case AgentCapacityChanged capacity ->
                        change(envelope, "capacity = :capacity", Map.of("capacity", capacity.maxConcurrentChats()));
                case AgentTeamsChanged teams -> change(envelope, "team_ids = :teams::varchar[]", Map.of("teams",
                        teams.teamIds().stream().map(TeamId::value).sorted().toArray(String[]::new)));
                default -> {
                }
            }
        });
    }

    private void added(EventEnvelope envelope, AgentAdded event) {
        jdbc.sql("""
                        insert into agents (agent_id, organization_id, login, name, role, status, presence, capacity,
                                            team_ids, added_at, updated_at, last_sequence)
                        values (:agent, :org, :login, :name, :role, 'invited', 'offline', :capacity, '{}', :at, :at, :seq)
                        on conflict (agent_id) do nothing""")
                .param("agent", event.agentId().value())
                .param("org", event.organizationId().value())
                .param("login", event.login())
                .param("name", event.profile() == null ? null : event.profile().name())
                .param("role", lower(event.role()))
                .param("capacity", AgentEvent.DEFAULT_MAX_CONCURRENT_CHATS)
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    /** Sets {@code assignments} (SQL naming {@code values}) on the agent's row when the event is newer than it. */
    private void change(EventEnvelope envelope, String assignments, Map<String, ?> values) {
        jdbc.sql("update agents set " + assignments
                        + ", updated_at = :at, last_sequence = :seq where agent_id = :agent and last_sequence < :seq")
                .params(values)
                .param("agent", envelope.aggregateId())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    /** Every agent of the organization, by name (then id). */
    public List<Agent> all(String organizationId) {
        return jdbc.sql(SELECT + " where a.organization_id = :org order by lower(coalesce(a.name, a.login)), a.agent_id")
                .param("org", organizationId)
                .query(Agents::agent)
                .list();
    }

    /** The agent, if it is one of the organization's. */
    public Optional<Agent> find(String organizationId, String agentId) {
        return jdbc.sql(SELECT + " where a.organization_id = :org and a.agent_id = :agent")
                .param("org", organizationId)
                .param("agent", agentId)
                .query(Agents::agent)
                .optional();
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        Array teams = rs.getArray(10);
        return new Agent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9),
                Arrays.asList((String[]) teams.getArray()), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(), rs.getLong(13));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
