package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.KernelJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code analytics_live} table: each organization's live backlog, written only by {@link AnalyticsSink}, replaced
 * only by a higher version.
 */
@Repository
public class LiveBacklogs {

    private static final TypeReference<Map<String, Long>> LOADS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public LiveBacklogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(LiveBacklog backlog) {
        jdbc.sql("""
                        insert into analytics_live (organization_id, unassigned, waiting, agent_loads, version)
                        values (:org, :unassigned, :waiting, cast(:loads as jsonb), :version)
                        on conflict (organization_id) do update set unassigned = excluded.unassigned,
                            waiting = excluded.waiting, agent_loads = excluded.agent_loads, version = excluded.version
                        where analytics_live.version < excluded.version""")
                .param("org", backlog.organizationId())
                .param("unassigned", backlog.unassigned())
                .param("waiting", backlog.waiting())
                .param("loads", KernelJson.mapper().writeValueAsString(backlog.loads()))
                .param("version", backlog.version())
                .update();
    }

    public Optional<LiveBacklog> find(String organizationId) {
        return jdbc.sql("select * from analytics_live where organization_id = :org")
                .param("org", organizationId)
                .query((rs, n) -> backlog(rs))
                .optional();
    }

    public List<LiveBacklog> all() {
        return jdbc.sql("select * from analytics_live order by organization_id").query((rs, n) -> backlog(rs)).list();
    }

    private static LiveBacklog backlog(ResultSet rs) throws SQLException {
        return new LiveBacklog(rs.getString("organization_id"), rs.getLong("unassigned"), rs.getLong("waiting"),
                KernelJson.mapper().readValue(rs.getString("agent_loads"), LOADS), rs.getLong("version"));
    }
}
