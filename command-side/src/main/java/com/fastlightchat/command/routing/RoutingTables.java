package com.fastlightchat.command.routing;

import com.fastlightchat.command.routing.RoundRobin.AgentSlot;
import com.fastlightchat.command.routing.RoutingPlan.Assignment;
import com.fastlightchat.command.routing.RoutingPlan.Waiting;
import com.fastlightchat.kernel.event.AgentEvent;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing process's own tables ({@code routing_*}): settings, agents, chats and the queue. Only
 * {@link RoutingProcess} writes them. Every write is an idempotent upsert or a recount, so the same event twice
 * leaves the same rows.
 */
@Component
public class RoutingTables {

    /** An organization's routing settings. */
    public record Settings(boolean autoAssign, String defaultTeamId) {
        static final Settings OFF = new Settings(false, null);
    }

    /** What routing knows of a chat. */
    public record ChatRow(String agentId, boolean open) {
    }

    private final JdbcClient jdbc;

    public RoutingTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- settings

    void configure(OrganizationId organization, boolean autoAssign, TeamId defaultTeam) {
        jdbc.sql("""
                        insert into routing_settings (organization_id, auto_assign, default_team_id)
                        values (:org, :auto, :team)
                        on conflict (organization_id) do update
                        set auto_assign = excluded.auto_assign, default_team_id = excluded.default_team_id""")
                .param("org", organization.value())
                .param("auto", autoAssign)
                .param("team", defaultTeam == null ? null : defaultTeam.value())
                .update();
    }

    Settings settings(OrganizationId organization) {
        return jdbc.sql("select auto_assign, default_team_id from routing_settings where organization_id = :org")
                .param("org", organization.value())
                .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getString(2)))
                .optional().orElse(Settings.OFF);
    }

    /** A deleted team is no one's team, nor the default; its waiting chats are returned (to be queued for anyone). */
    List<ChatId> forgetTeam(OrganizationId organization, TeamId team) {
        jdbc.sql("update routing_settings set default_team_id = null where organization_id = :org and default_team_id = :team")
                .param("org", organization.value())
                .param("team", team.value())
                .update();
        for (AgentSlot agent : agents(organization)) {
            if (agent.teamIds().contains(team.value())) {
                setTeams(new AgentId(agent.agentId()), agent.teamIds().stream()
                        .filter(id -> !id.equals(team.value())).map(TeamId::new).toList());
            }
        }
        return jdbc.sql("select chat_id from routing_queue where organization_id = :org and team_id = :team")
                .param("org", organization.value())
                .param("team", team.value())
                .query((rs, n) -> new ChatId(rs.getString(1)))
                .list();
    }

    // --- agents

    void addAgent(OrganizationId organization, AgentId agent) {
        jdbc.sql("""
                        insert into routing_agents
                        (agent_id, organization_id, online, active, capacity, load, team_ids, last_assigned)
                        values (:agent, :org, false, true, :capacity, 0, '', 0)
                        on conflict (agent_id) do nothing""")
                .param("agent", agent.value())
                .param("org", organization.value())
                .param("capacity", AgentEvent.DEFAULT_MAX_CONCURRENT_CHATS)
                .update();
    }

    void setOnline(AgentId agent, boolean online) {
        updateAgent("online = :value", agent, online);
    }

    void deactivate(AgentId agent) {
        updateAgent("active = :value", agent, false);
    }

    void setCapacity(AgentId agent, int capacity) {
        updateAgent("capacity = :value", agent, capacity);
    }

    void setTeams(AgentId agent, Collection<TeamId> teams) {
        updateAgent("team_ids = :value", agent, teams.stream().map(TeamId::value).sorted()
                .collect(Collectors.joining(" ")));
    }

    private void updateAgent(String assignment, AgentId agent, Object value) {
        jdbc.sql("update routing_agents set " + assignment + " where agent_id = :agent")
                .param("value", value)
                .param("agent", agent.value())
                .update();
    }

    /** The organization's agents as {@link RoundRobin} sees them: available = online and active. */
    List<AgentSlot> agents(OrganizationId organization) {
        return jdbc.sql("""
                        select agent_id, team_ids, online and active, capacity, load, last_assigned
                        from routing_agents where organization_id = :org order by agent_id""")
                .param("org", organization.value())
                .query((rs, n) -> new AgentSlot(rs.getString(1), teams(rs.getString(2)), rs.getBoolean(3),
                        rs.getInt(4), rs.getInt(5), rs.getLong(6)))
                .list();
    }

    private static Set<String> teams(String teamIds) {
        return teamIds.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(teamIds.split(" ")));
    }

    /** Greater than every last-assignment order of the organization's agents. */
    long nextAssignmentOrder(OrganizationId organization) {
        return jdbc.sql("select coalesce(max(last_assigned), 0) + 1 from routing_agents where organization_id = :org")
                .param("org", organization.value())
                .query(Long.class).single();
    }

    void assignedInTurn(AgentId agent, long order) {
        jdbc.sql("update routing_agents set last_assigned = greatest(last_assigned, :order) where agent_id = :agent")
                .param("order", order)
                .param("agent", agent.value())
                .update();
    }

    /** Recounts the agent's load: their open (or snoozed) chats. */
    private void recount(String agentId) {
        if (agentId != null) {
            jdbc.sql("""
                            update routing_agents set load =
                            (select count(*) from routing_chats c where c.agent_id = :agent and c.open)
                            where agent_id = :agent""")
                    .param("agent", agentId)
                    .update();
        }
    }

    // --- chats

    void chatOpened(OrganizationId organization, ChatId chat) {
        jdbc.sql("""
                        insert into routing_chats (chat_id, organization_id, agent_id, open)
                        values (:chat, :org, null, true) on conflict (chat_id) do nothing""")
                .param("chat", chat.value())
                .param("org", organization.value())
                .update();
    }

    Optional<ChatRow> chat(ChatId chat) {
        return jdbc.sql("select agent_id, open from routing_chats where chat_id = :chat")
                .param("chat", chat.value())
                .query((rs, n) -> new ChatRow(rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    /** The chat's agent is now {@code agent} (null: none); it leaves the queue when it has one. */
    void chatAssigned(ChatId chat, AgentId agent) {
        String previous = chat(chat).map(ChatRow::agentId).orElse(null);
        String next = agent == null ? null : agent.value();
        jdbc.sql("update routing_chats set agent_id = :agent where chat_id = :chat")
                .param("agent", next)
                .param("chat", chat.value())
                .update();
        if (next != null) {
            dequeue(chat);
        }
        recount(previous);
        recount(next);
    }

    void chatOpen(ChatId chat, boolean open) {
        jdbc.sql("update routing_chats set open = :open where chat_id = :chat")
                .param("open", open)
                .param("chat", chat.value())
                .update();
        recount(chat(chat).map(ChatRow::agentId).orElse(null));
        if (!open) {
            dequeue(chat);
        }
    }

    /** The open (or snoozed) chats of {@code agent}. */
    List<ChatId> chatsOf(AgentId agent) {
        return jdbc.sql("select chat_id from routing_chats where agent_id = :agent and open order by chat_id")
                .param("agent", agent.value())
                .query((rs, n) -> new ChatId(rs.getString(1)))
                .list();
    }

    // --- queue

    /**
     * Puts the chat in the queue at {@code order} (the position of its queuing event: later events queue behind),
     * or, already waiting, changes its team and keeps its place.
     */
    void enqueue(OrganizationId organization, ChatId chat, TeamId team, long order) {
        jdbc.sql("""
                        insert into routing_queue (chat_id, organization_id, team_id, queued_order)
                        values (:chat, :org, :team, :order)
                        on conflict (chat_id) do update set team_id = excluded.team_id""")
                .param("chat", chat.value())
                .param("org", organization.value())
                .param("team", team == null ? null : team.value())
                .param("order", order)
                .update();
    }

    boolean isQueued(ChatId chat) {
        return jdbc.sql("select count(*) from routing_queue where chat_id = :chat")
                .param("chat", chat.value()).query(Integer.class).single() > 0;
    }

    private void dequeue(ChatId chat) {
        jdbc.sql("delete from routing_queue where chat_id = :chat").param("chat", chat.value()).update();
    }

    /** The organization's waiting chats, first come first. */
    List<Waiting> queue(OrganizationId organization) {
        return jdbc.sql("select chat_id, team_id from routing_queue where organization_id = :org order by queued_order")
                .param("org", organization.value())
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Records a decision before its {@code ChatAssigned} comes back, so that the next decisions count it. */
    void decided(Assignment assignment) {
        chatAssigned(new ChatId(assignment.chatId()), new AgentId(assignment.agentId()));
        assignedInTurn(new AgentId(assignment.agentId()), assignment.order());
    }

    /** Forgets everything, before the routing processor replays the events. */
    void clear() {
        jdbc.sql("truncate routing_settings, routing_agents, routing_chats, routing_queue").update();
    }
}
