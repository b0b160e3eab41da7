package com.fastlightchat.command.routing;

import com.fastlightchat.command.chat.AssignChat;
import com.fastlightchat.command.chat.QueueChat;
import com.fastlightchat.command.chat.RequeueChat;
import com.fastlightchat.command.routing.RoutingPlan.Assignment;
import com.fastlightchat.command.routing.RoutingTables.Settings;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentCapacityChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentTeamsChanged;
import com.fastlightchat.kernel.event.AgentEvent.Presence;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatQueued;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatUnassigned;
import com.fastlightchat.kernel.event.ChatEvent.QueueReason;
import com.fastlightchat.kernel.event.OrganizationEvent.RoutingConfigured;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Automatic assignment, as a process on a tracking processor ({@value #PROCESSING_GROUP}, one segment, so events
 * arrive one at a time in the event store's order). It keeps {@link RoutingTables} from organization, agent and chat
 * events and acts only by sending chat commands, in the same transaction as its tables and token: a failure rolls
 * both back and the event is handled again.
 * <p>
 * Every command it sends is idempotent on the chat's side ({@link AssignChat} with
 * {@link AssignmentReason#AUTO_ROUND_ROBIN} changes nothing unless the chat still waits for that team; {@link QueueChat}
 * and {@link RequeueChat} likewise), so a retry or a decision overtaken by later events never double-assigns. While
 * the processor replays (after a reset) it only rebuilds its tables and sends nothing; the first live event of an
 * organization brings its queue up to date.
 */
@Component
@ProcessingGroup(RoutingProcess.PROCESSING_GROUP)
public class RoutingProcess {

    public static final String PROCESSING_GROUP = "routing";

    private final RoutingTables tables;
    private final CommandGateway commands;

    public RoutingProcess(RoutingTables tables, CommandGateway commands) {
        this.tables = tables;
        this.commands = commands;
    }

    @ResetHandler
    void reset() {
        tables.clear();
    }

    // --- settings

    @EventHandler
    void on(RoutingConfigured event) {
        tables.configure(event.organizationId(), event.autoAssign(), event.defaultTeamId());
    }

    @EventHandler
    void on(TeamDeleted event, ReplayStatus replay) {
        var waiting = tables.forgetTeam(event.organizationId(), event.teamId());
        if (replay.isReplay()) {
            return;
        }
        for (ChatId chat : waiting) {
            commands.sendAndWait(new QueueChat(chat, event.organizationId(), null, QueueReason.TEAM_DELETED,
                    Actor.system()));
        }
    }

    // --- agents

    @EventHandler
    void on(AgentAdded event) {
        tables.addAgent(event.organizationId(), event.agentId());
    }

    /** Only {@code ONLINE} agents get chats; going {@code OFFLINE} gives their chats back to the queue. */
    @EventHandler
    void on(AgentPresenceChanged event, ReplayStatus replay) {
        tables.addAgent(event.organizationId(), event.agentId());
        tables.setOnline(event.agentId(), event.presence() == Presence.ONLINE);
        if (event.presence() == Presence.OFFLINE) {
            requeueChatsOf(event.organizationId(), event.agentId(), replay);
        }
        dispatch(event.organizationId(), replay);
    }

    @EventHandler
    void on(AgentDeactivated event, ReplayStatus replay) {
        tables.addAgent(event.organizationId(), event.agentId());
        tables.deactivate(event.agentId());
        requeueChatsOf(event.organizationId(), event.agentId(), replay);
        dispatch(event.organizationId(), replay);
    }

    @EventHandler
    void on(AgentCapacityChanged event, ReplayStatus replay) {
        tables.addAgent(event.organizationId(), event.agentId());
        tables.setCapacity(event.agentId(), event.maxConcurrentChats());
        dispatch(event.organizationId(), replay);
    }

    @EventHandler
    void on(AgentTeamsChanged event, ReplayStatus replay) {
        tables.addAgent(event.organizationId(), event.agentId());
        tables.setTeams(event.agentId(), event.teamIds());
        dispatch(event.organizationId(), replay);
    }

    private void requeueChatsOf(OrganizationId organization, AgentId agent, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        for (ChatId chat : tables.chatsOf(agent)) {
            commands.sendAndWait(new RequeueChat(chat, organization, agent));
        }
    }

    // --- chats

    /** With automatic assignment on, a chat an end user opens is queued for the default team. */
    @EventHandler
    void on(ChatOpened event, ReplayStatus replay) {
        tables.chatOpened(event.organizationId(), event.chatId());
        if (event.openedBy().kind() == Actor.Kind.USER) {
            queueAutomatically(event.organizationId(), event.chatId(), QueueReason.CHAT_OPENED, replay);
        }
    }

    /** A chat that reopens without an agent is queued again, when automatic assignment is on. */
    @EventHandler
    void on(ChatReopened event, ReplayStatus replay) {
        tables.chatOpen(event.chatId(), true);
        boolean unassigned = tables.chat(event.chatId()).map(chat -> chat.agentId() == null).orElse(true);
        if (unassigned && !tables.isQueued(event.chatId())) {
            queueAutomatically(event.organizationId(), event.chatId(), QueueReason.CHAT_REOPENED, replay);
        }
    }

    private void queueAutomatically(OrganizationId organization, ChatId chat, QueueReason reason,
                                    ReplayStatus replay) {
        Settings settings = tables.settings(organization);
        if (settings.autoAssign() && !replay.isReplay()) {
            TeamId team = settings.defaultTeamId() == null ? null : new TeamId(settings.defaultTeamId());
            commands.sendAndWait(new QueueChat(chat, organization, team, reason, Actor.system()));
        }
    }

    /**
     * A queued chat has no agent (the chat only queues itself then), whatever routing decided before. Its place in
     * the queue is the event's position in the event store, so a replay — which may see events in another order
     * than live processing did, when concurrent commits left gaps — gives every chat the same place.
     */
    @EventHandler
    void on(ChatQueued event, ReplayStatus replay, TrackingToken token) {
        tables.chatAssigned(event.chatId(), null);
        tables.enqueue(event.organizationId(), event.chatId(), event.teamId(), token.position().orElseThrow());
        dispatch(event.organizationId(), replay);
    }

    /** The new agent's load grows; a previous agent's shrinks (a transfer), which may let a waiting chat in. */
    @EventHandler
    void on(ChatAssigned event, ReplayStatus replay) {
        tables.chatAssigned(event.chatId(), event.agentId());
        if (replay.isReplay() && event.reason() == AssignmentReason.AUTO_ROUND_ROBIN && event.agentId() != null) {
            tables.assignedInTurn(event.agentId(), tables.nextAssignmentOrder(event.organizationId()));
        }
        dispatch(event.organizationId(), replay);
    }

    @EventHandler
    void on(ChatUnassigned event, ReplayStatus replay) {
        tables.chatAssigned(event.chatId(), null);
        dispatch(event.organizationId(), replay);
    }

    @EventHandler
    void on(ChatClosed event, ReplayStatus replay) {
        tables.chatOpen(event.chatId(), false);
        dispatch(event.organizationId(), replay);
    }

    /**
     * Assigns every waiting chat of the organization that someone can take now ({@link RoutingPlan}), recording
     * each decision before sending it so that the following ones count it.
     */
    private void dispatch(OrganizationId organization, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        var queue = tables.queue(organization);
        if (queue.isEmpty()) {
            return;
        }
        for (Assignment assignment : RoutingPlan.assign(queue, tables.agents(organization),
                tables.nextAssignmentOrder(organization))) {
            tables.decided(assignment);
            commands.sendAndWait(new AssignChat(new ChatId(assignment.chatId()), organization,
                    new AgentId(assignment.agentId()), assignment.teamId(), AssignmentReason.AUTO_ROUND_ROBIN,
                    Actor.system()));
        }
    }
}
