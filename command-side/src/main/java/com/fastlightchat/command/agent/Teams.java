package com.fastlightchat.command.agent;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The teams that exist in each organization, so that agents only ever join teams of their own organization. */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class Teams {

    private final JdbcClient jdbc;

    public Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TeamCreated event) {
        jdbc.sql("insert into teams (team_id, organization_id) values (:team, :org) on conflict (team_id) do nothing")
                .param("team", event.teamId().value())
                .param("org", event.organizationId().value())
                .update();
    }

    @EventHandler
    void on(TeamDeleted event) {
        jdbc.sql("delete from teams where team_id = :team").param("team", event.teamId().value()).update();
    }

    /** Those of {@code teamIds} that are not teams of {@code organization} (missing, deleted or another's). */
    public List<TeamId> unknown(OrganizationId organization, Collection<TeamId> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        Set<String> known = Set.copyOf(jdbc.sql(
                        "select team_id from teams where organization_id = :org and team_id in (:teams)")
                .param("org", organization.value())
                .param("teams", teamIds.stream().map(TeamId::value).toList())
                .query(String.class).list());
        return teamIds.stream().filter(team -> !known.contains(team.value())).toList();
    }
}
