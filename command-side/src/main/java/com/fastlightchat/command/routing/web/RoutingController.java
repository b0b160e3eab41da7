package com.fastlightchat.command.routing.web;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.command.agent.Teams;
import com.fastlightchat.command.chat.ChatReceipt;
import com.fastlightchat.command.chat.QueueChat;
import com.fastlightchat.command.organization.ConfigureRouting;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.QueueReason;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Automatic assignment ({@code Authorization: Bearer}). Owners and admins set the organization's routing (403
 * otherwise); every agent may ask for a chat of the organization to be assigned automatically. A team of another
 * organization is refused like an unknown one (422 naming the field), another organization's chat is a 404.
 */
@RestController
public class RoutingController {

    /** {@code defaultTeamId}: the team automatic assignment serves; absent, any agent of the organization. */
    public record RoutingRequest(@NotNull Boolean autoAssign, String defaultTeamId) {
    }

    /** {@code teamId}: the team whose agents may take the chat; absent, any agent of the organization. */
    public record AutoAssignmentRequest(String teamId) {
    }

    private final CommandGateway commands;
    private final Teams teams;

    public RoutingController(CommandGateway commands, Teams teams) {
        this.commands = commands;
        this.teams = teams;
    }

    /** 204; repeating the same settings changes nothing. */
    @PutMapping("/v1/organization/routing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void configure(AgentIdentity caller, @Valid @RequestBody RoutingRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        commands.sendAndWait(new ConfigureRouting(by.organizationId(), by, request.autoAssign(),
                team(request.defaultTeamId(), "defaultTeamId")));
    }

    /**
     * Queues an open chat without an agent for the next free agent (of {@code teamId}): 200 with the chat's
     * sequence; a chat already assigned or already waiting for that team stays as it is; 409 for a closed chat.
     */
    @PostMapping("/v1/chats/{chatId}/auto-assignment")
    public ChatReceipt requestAutoAssignment(AgentIdentity caller, @PathVariable String chatId,
                                             @Valid @RequestBody(required = false) AutoAssignmentRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        ChatId chat = new ChatId(chatId);
        TeamId team = team(request == null ? null : request.teamId(), "teamId");
        if (team != null && !teams.unknown(by.organizationId(), List.of(team)).isEmpty()) {
            throw Rejection.invalid("teamId", "is not a team of this organization");
        }
        return commands.sendAndWait(new QueueChat(chat, by.organizationId(), team, QueueReason.REQUESTED,
                Actor.agent(by.agentId().value())));
    }

    private static TeamId team(String teamId, String field) {
        return teamId == null ? null : new TeamId(Ids.require(teamId, field));
    }
}
