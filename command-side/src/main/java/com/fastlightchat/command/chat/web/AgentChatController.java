package com.fastlightchat.command.chat.web;

import com.fastlightchat.command.chat.AssignChat;
import com.fastlightchat.command.chat.ChangeChatPriority;
import com.fastlightchat.command.chat.ChatParties;
import com.fastlightchat.command.chat.ChatReceipt;
import com.fastlightchat.command.chat.CloseChat;
import com.fastlightchat.command.chat.DeleteMessage;
import com.fastlightchat.command.chat.EditMessage;
import com.fastlightchat.command.chat.MarkChatRead;
import com.fastlightchat.command.chat.PostMessage;
import com.fastlightchat.command.chat.ReopenChat;
import com.fastlightchat.command.chat.SnoozeChat;
import com.fastlightchat.command.chat.TagChat;
import com.fastlightchat.command.chat.UnassignChat;
import com.fastlightchat.command.chat.UntagChat;
import com.fastlightchat.command.chat.web.ChatRequests.AssignRequest;
import com.fastlightchat.command.chat.web.ChatRequests.ChatOpenedResponse;
import com.fastlightchat.command.chat.web.ChatRequests.EditMessageRequest;
import com.fastlightchat.command.chat.web.ChatRequests.OpenChatRequest;
import com.fastlightchat.command.chat.web.ChatRequests.PriorityRequest;
import com.fastlightchat.command.chat.web.ChatRequests.ReadRequest;
import com.fastlightchat.command.chat.web.ChatRequests.SnoozeRequest;
import com.fastlightchat.command.chat.web.ChatRequests.TagRequest;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.web.Rejection;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The dashboard's chat commands ({@code Authorization: Bearer}). Every agent of the organization may work on its
 * chats; assigning a chat to another agent than oneself takes an owner or admin (403 otherwise). Another
 * organization's chat answers 404, like a missing one. Commands that would change nothing answer 200 all the same.
 */
@RestController
public class AgentChatController {

    private final CommandGateway commands;
    private final ChatCommands chats;
    private final ChatParties parties;

    public AgentChatController(CommandGateway commands, ChatCommands chats, ChatParties parties) {
        this.commands = commands;
        this.chats = chats;
        this.parties = parties;
    }

    /** 201; 404 when the user is not an end user of the agent's organization. */
    @PostMapping("/v1/chats")
    @ResponseStatus(HttpStatus.CREATED)
    public ChatOpenedResponse open(AgentIdentity caller, @Valid @RequestBody OpenChatRequest request) {
        return chats.openForUser(organization(caller), request.userId(), agent(caller));
    }

    /** A reply (201, or 200 for a retried client message id); {@code visibility: internal} makes it a note. */
    @PostMapping("/v1/chats/{chatId}/messages")
    public ResponseEntity<PostMessage.Receipt> post(AgentIdentity caller, @PathVariable String chatId,
                                                    @Valid @RequestBody MessageRequest request) {
        return chats.post(request.toCommand(new ChatId(chatId), organization(caller), agent(caller)));
    }

    @PatchMapping("/v1/chats/{chatId}/messages/{messageId}")
    public ChatReceipt edit(AgentIdentity caller, @PathVariable String chatId, @PathVariable String messageId,
                            @Valid @RequestBody EditMessageRequest request) {
        return commands.sendAndWait(new EditMessage(new ChatId(chatId), organization(caller), new MessageId(messageId),
                agent(caller), MessageRequest.content(request.text(), request.attachments())));
    }

    @DeleteMapping("/v1/chats/{chatId}/messages/{messageId}")
    public ChatReceipt delete(AgentIdentity caller, @PathVariable String chatId, @PathVariable String messageId) {
        return commands.sendAndWait(new DeleteMessage(new ChatId(chatId), organization(caller),
                new MessageId(messageId), agent(caller)));
    }

    @PostMapping("/v1/chats/{chatId}/read")
    public ChatReceipt read(AgentIdentity caller, @PathVariable String chatId, @Valid @RequestBody ReadRequest request) {
        return commands.sendAndWait(new MarkChatRead(new ChatId(chatId), organization(caller), agent(caller),
                request.upTo()));
    }

    @PutMapping("/v1/chats/{chatId}/assignment")
    public ChatReceipt assign(AgentIdentity caller, @PathVariable String chatId,
                              @Valid @RequestBody AssignRequest request) {
        ChatId chat = new ChatId(chatId);
        AgentId agentId = request.agentId() == null ? null : new AgentId(request.agentId());
        if (agentId != null && !agentId.value().equals(caller.agentId()) && !caller.isAdmin()) {
            throw Rejection.forbidden("only owners and admins assign chats to other agents");
        }
        if (agentId != null && !parties.isActiveAgent(agentId, organization(caller))) {
            throw Rejection.invalid("agentId", "is not an active agent of this organization");
        }
        return commands.sendAndWait(new AssignChat(chat, organization(caller), agentId, request.teamId(),
                AssignmentReason.MANUAL, agent(caller)));
    }

    @DeleteMapping("/v1/chats/{chatId}/assignment")
    public ChatReceipt unassign(AgentIdentity caller, @PathVariable String chatId) {
        return commands.sendAndWait(new UnassignChat(new ChatId(chatId), organization(caller),
                AssignmentReason.MANUAL, agent(caller)));
    }

    /** The chat reopens by itself at {@code until} (kept to the millisecond). */
    @PostMapping("/v1/chats/{chatId}/snooze")
    public ChatReceipt snooze(AgentIdentity caller, @PathVariable String chatId,
                              @Valid @RequestBody SnoozeRequest request) {
        ChatId chat = new ChatId(chatId);
        Instant until;
        try {
            until = Instant.parse(request.until()).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("until", "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
        return commands.sendAndWait(new SnoozeChat(chat, organization(caller), until, Instant.now(), agent(caller)));
    }

    @PostMapping("/v1/chats/{chatId}/close")
    public ChatReceipt close(AgentIdentity caller, @PathVariable String chatId) {
        return commands.sendAndWait(new CloseChat(new ChatId(chatId), organization(caller), agent(caller)));
    }

    @PostMapping("/v1/chats/{chatId}/reopen")
    public ChatReceipt reopen(AgentIdentity caller, @PathVariable String chatId) {
        return commands.sendAndWait(new ReopenChat(new ChatId(chatId), organization(caller), agent(caller)));
    }

    @PostMapping("/v1/chats/{chatId}/tags")
    public ChatReceipt tag(AgentIdentity caller, @PathVariable String chatId, @Valid @RequestBody TagRequest request) {
        return commands.sendAndWait(new TagChat(new ChatId(chatId), organization(caller), request.tag(),
                agent(caller)));
    }

    @DeleteMapping("/v1/chats/{chatId}/tags/{tag}")
    public ChatReceipt untag(AgentIdentity caller, @PathVariable String chatId, @PathVariable String tag) {
        return commands.sendAndWait(new UntagChat(new ChatId(chatId), organization(caller), tag, agent(caller)));
    }

    @PutMapping("/v1/chats/{chatId}/priority")
    public ChatReceipt priority(AgentIdentity caller, @PathVariable String chatId,
                                @Valid @RequestBody PriorityRequest request) {
        return commands.sendAndWait(new ChangeChatPriority(new ChatId(chatId), organization(caller),
                Priority.valueOf(request.priority().toUpperCase(Locale.ROOT)), agent(caller)));
    }

    private static OrganizationId organization(AgentIdentity caller) {
        return new OrganizationId(caller.organizationId());
    }

    private static Actor agent(AgentIdentity caller) {
        return Actor.agent(caller.agentId());
    }
}
