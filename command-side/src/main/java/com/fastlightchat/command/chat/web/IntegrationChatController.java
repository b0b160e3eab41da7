package com.fastlightchat.command.chat.web;

import com.fastlightchat.command.chat.PostMessage;
import com.fastlightchat.command.chat.web.ChatRequests.ChatOpenedResponse;
import com.fastlightchat.command.chat.web.ChatRequests.OpenChatRequest;
import com.fastlightchat.kernel.auth.IntegrationIdentity;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat commands of a customer's backend ({@code X-API-Key} + {@code X-API-Secret}). Its messages are written as
 * a bot named by the environment id; bots cannot write internal notes (422).
 */
@RestController
public class IntegrationChatController {

    private final ChatCommands chats;

    public IntegrationChatController(ChatCommands chats) {
        this.chats = chats;
    }

    /** 201; 404 when the user is not an end user of the caller's organization. */
    @PostMapping("/v1/integration/chats")
    @ResponseStatus(HttpStatus.CREATED)
    public ChatOpenedResponse open(IntegrationIdentity caller, @Valid @RequestBody OpenChatRequest request) {
        return chats.openForUser(new OrganizationId(caller.organizationId()), request.userId(), bot(caller));
    }

    @PostMapping("/v1/integration/chats/{chatId}/messages")
    public ResponseEntity<PostMessage.Receipt> post(IntegrationIdentity caller, @PathVariable String chatId,
                                                    @Valid @RequestBody MessageRequest request) {
        return chats.post(request.toCommand(new ChatId(chatId), new OrganizationId(caller.organizationId()),
                bot(caller)));
    }

    private static Actor bot(IntegrationIdentity caller) {
        return new Actor(Actor.Kind.BOT, caller.environmentId());
    }
}
