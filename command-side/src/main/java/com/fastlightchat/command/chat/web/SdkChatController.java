package com.fastlightchat.command.chat.web;

import com.fastlightchat.command.chat.ChatReceipt;
import com.fastlightchat.command.chat.DeleteMessage;
import com.fastlightchat.command.chat.EditMessage;
import com.fastlightchat.command.chat.MarkChatRead;
import com.fastlightchat.command.chat.PostMessage;
import com.fastlightchat.command.chat.web.ChatRequests.ChatOpenedResponse;
import com.fastlightchat.command.chat.web.ChatRequests.EditMessageRequest;
import com.fastlightchat.command.chat.web.ChatRequests.ReadRequest;
import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The end user's chat commands, called by the SDK with {@code X-Plugin-Key} and {@code X-User-Token}. A chat of
 * another user or organization answers 404, like a missing one.
 */
@RestController
public class SdkChatController {

    private final CommandGateway commands;
    private final ChatCommands chats;

    public SdkChatController(CommandGateway commands, ChatCommands chats) {
        this.commands = commands;
        this.chats = chats;
    }

    @PostMapping("/v1/sdk/chats")
    @ResponseStatus(HttpStatus.CREATED)
    public ChatOpenedResponse open(SdkIdentity caller) {
        return chats.open(new OrganizationId(caller.organizationId()), new EnvironmentId(caller.environmentId()),
                new UserId(caller.userId()), user(caller));
    }

    /** 201 new message, 200 a retry of an earlier one; a message to a closed or snoozed chat reopens it. */
    @PostMapping("/v1/sdk/chats/{chatId}/messages")
    public ResponseEntity<PostMessage.Receipt> post(SdkIdentity caller, @PathVariable String chatId,
                                                    @Valid @RequestBody MessageRequest request) {
        return chats.post(request.toCommand(new ChatId(chatId), new OrganizationId(caller.organizationId()),
                user(caller)));
    }

    @PatchMapping("/v1/sdk/chats/{chatId}/messages/{messageId}")
    public ChatReceipt edit(SdkIdentity caller, @PathVariable String chatId, @PathVariable String messageId,
                            @Valid @RequestBody EditMessageRequest request) {
        return commands.sendAndWait(new EditMessage(new ChatId(chatId), new OrganizationId(caller.organizationId()),
                new MessageId(messageId), user(caller), MessageRequest.content(request.text(), request.attachments())));
    }

    @DeleteMapping("/v1/sdk/chats/{chatId}/messages/{messageId}")
    public ChatReceipt delete(SdkIdentity caller, @PathVariable String chatId, @PathVariable String messageId) {
        return commands.sendAndWait(new DeleteMessage(new ChatId(chatId), new OrganizationId(caller.organizationId()),
                new MessageId(messageId), user(caller)));
    }

    @PostMapping("/v1/sdk/chats/{chatId}/read")
    public ChatReceipt read(SdkIdentity caller, @PathVariable String chatId, @Valid @RequestBody ReadRequest request) {
        return commands.sendAndWait(new MarkChatRead(new ChatId(chatId), new OrganizationId(caller.organizationId()),
                user(caller), request.upTo()));
    }

    private static Actor user(SdkIdentity caller) {
        return Actor.user(caller.userId());
    }
}
