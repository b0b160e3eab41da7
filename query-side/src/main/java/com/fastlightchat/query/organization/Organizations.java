package com.fastlightchat.query.organization;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursCleared;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamRenamed;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code organizations} and {@code teams} tables. Written only by {@link OrganizationsProjector}. Every row keeps
 * the sequence of the organization event that last changed it, and an event changes a row only when its sequence is
 * above that, so duplicates and older redeliveries change nothing. A team event first changes the team, then moves
 * the organization's {@code last_sequence} forward, so a crash between the two is repaired by the redelivery.
 */
@Repository
public class Organizations {

    /**
     * An organization as the dashboard sees it; {@code teams} are the ones not deleted, by name; {@code openingHours}
     * null when it has none (always open).
     */
    public record Organization(String organizationId, String name, String ownerAgentId, List<Team> teams,
                               OpeningHours openingHours, Instant createdAt, Instant updatedAt, long lastSequence) {
    }

    public record Team(String teamId, String name) {
    }

    private final JdbcClient jdbc;

    public Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one organization-events record; idempotent. */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case OrganizationCreated created -> created(envelope, created);
                case OrganizationRenamed renamed -> renamed(envelope, renamed);
                case TeamCreated team -> {
                    upsertTeam(envelope, team.teamId().value(), team.name(), false);
                    advance(envelope);
                }
                case TeamRenamed team -> {
                    upsertTeam(envelope, team.teamId().value(), team.name(), false);
                    advance(envelope);
                }
                case OpeningHoursSet set -> openingHours(envelope, KernelJson.mapper().writeValueAsString(
                        set.openingHours()));
                case OpeningHoursCleared ignored -> openingHours(envelope, null);
                case TeamDeleted team -> {
                    deleteTeam(envelope, team.teamId().value());
                    advance(envelope);
                }
                default -> {
                }
            }
        });
    }

    private void created(EventEnvelope envelope, OrganizationCreated event) {
        jdbc.sql("""
                        insert into organizations (organization_id, name, owner_agent_id, created_at, updated_at,
                                                   last_sequence)
                        values (:org, :name, :owner, :at, :at, :seq)
                        on conflict (organization_id) do nothing""")
                .param("org", event.organizationId().value())
                .param("name", event.name())
                .param("owner", event.ownerAgentId().value())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    private void renamed(EventEnvelope envelope, OrganizationRenamed event) {
        jdbc.sql("""
                        update organizations set name = :name, updated_at = :at, last_sequence = :seq
                        where organization_id = :org and last_sequence < :seq""")
                .param("org", event.organizationId().value())
                .param("name", event.name())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    private void openingHours(EventEnvelope envelope, String hours) {
        jdbc.sql("""
                        update organizations set opening_hours = cast(:hours as jsonb), updated_at = :at,
                            last_sequence = :seq
                        where organization_id = :org and last_sequence < :seq""")
                .param("org", envelope.organizationId())
                .param("hours", hours)
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    private void upsertTeam(EventEnvelope envelope, String teamId, String name, boolean deleted) {
        jdbc.sql("""
                        insert into teams (team_id, organization_id, name, deleted, created_at, updated_at, last_sequence)
                        values (:team, :org, :name, :deleted, :at, :at, :seq)
                        on conflict (team_id) do update
                        set name = excluded.name, deleted = excluded.deleted, updated_at = excluded.updated_at,
                            last_sequence = excluded.last_sequence
                        where teams.last_sequence < excluded.last_sequence""")
                .param("team", teamId)
                .param("org", envelope.organizationId())
                .param("name", name)
                .param("deleted", deleted)
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    private void deleteTeam(EventEnvelope envelope, String teamId) {
        jdbc.sql("""
                        update teams set deleted = true, updated_at = :at, last_sequence = :seq
                        where team_id = :team and last_sequence < :seq""")
                .param("team", teamId)
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    /** The organization's row has seen this event (its time is its last change). */
    private void advance(EventEnvelope envelope) {
        jdbc.sql("""
                        update organizations set updated_at = :at, last_sequence = :seq
                        where organization_id = :org and last_sequence < :seq""")
                .param("org", envelope.organizationId())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .param("seq", envelope.sequence())
                .update();
    }

    public Optional<Organization> find(String organizationId) {
        List<Team> teams = jdbc.sql("""
                        select team_id, name from teams where organization_id = :org and not deleted
                        order by lower(name), team_id""")
                .param("org", organizationId)
                .query((rs, n) -> new Team(rs.getString(1), rs.getString(2)))
                .list();
        return jdbc.sql("""
                        select organization_id, name, owner_agent_id, created_at, updated_at, last_sequence,
                               opening_hours
                        from organizations where organization_id = :org""")
                .param("org", organizationId)
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2), rs.getString(3), teams,
                        rs.getString(7) == null ? null
                                : KernelJson.mapper().readValue(rs.getString(7), OpeningHours.class),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6)))
                .optional();
    }
}
