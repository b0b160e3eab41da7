package com.fastlightchat.command.chat.web;

import com.fastlightchat.command.chat.OpenChat;
import com.fastlightchat.command.chat.PostMessage;
import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The end user's chat commands, called by the SDK with {@code X-Plugin-Key} and {@code X-User-Token}. */
@RestController
public class SdkChatController {

    public record ChatOpenedResponse(String chatId) {
    }

    /** @param clientMessageId the SDK's id for this send; a retry with the same id never makes a second message */
    public record PostMessageRequest(@NotBlank String clientMessageId, String text) {
    }

    private final CommandGateway commands;

    public SdkChatController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/v1/sdk/chats")
    @ResponseStatus(HttpStatus.CREATED)
    public ChatOpenedResponse open(SdkIdentity caller) {
        ChatId chatId = new ChatId(Ids.random("ch"));
        commands.sendAndWait(new OpenChat(chatId, new OrganizationId(caller.organizationId()),
                new EnvironmentId(caller.environmentId()), new UserId(caller.userId()), Actor.user(caller.userId())));
        return new ChatOpenedResponse(chatId.value());
    }

    @PostMapping("/v1/sdk/chats/{chatId}/messages")
    public ResponseEntity<PostMessage.Receipt> post(SdkIdentity caller, @PathVariable String chatId,
                                                    @Valid @RequestBody PostMessageRequest request) {
        PostMessage.Receipt receipt = commands.sendAndWait(new PostMessage(new ChatId(chatId),
                new OrganizationId(caller.organizationId()), new MessageId(Ids.random("msg")),
                new ClientMessageId(request.clientMessageId()), Actor.user(caller.userId()),
                Visibility.PUBLIC, MessageContent.text(request.text())));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }
}
