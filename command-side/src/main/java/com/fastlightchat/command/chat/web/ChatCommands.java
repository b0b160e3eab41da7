package com.fastlightchat.command.chat.web;

import com.fastlightchat.command.chat.ChatParties;
import com.fastlightchat.command.chat.OpenChat;
import com.fastlightchat.command.chat.PostMessage;
import com.fastlightchat.command.chat.web.ChatRequests.ChatOpenedResponse;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the SDK, dashboard and integration chat endpoints do alike: open a chat, post a message. */
@Component
public class ChatCommands {

    private final CommandGateway commands;
    private final ChatParties parties;

    public ChatCommands(CommandGateway commands, ChatParties parties) {
        this.commands = commands;
        this.parties = parties;
    }

    /** Opens a new chat with {@code userId}, who must be an end user of {@code organizationId} (else 404). */
    ChatOpenedResponse openForUser(OrganizationId organizationId, String userId, Actor openedBy) {
        UserId user = new UserId(userId);
        EnvironmentId environment = parties.environmentOfUser(user, organizationId)
                .orElseThrow(() -> Rejection.notFound("user"));
        return open(organizationId, environment, user, openedBy);
    }

    ChatOpenedResponse open(OrganizationId organizationId, EnvironmentId environmentId, UserId userId, Actor openedBy) {
        ChatId chatId = new ChatId(Ids.random("ch"));
        commands.sendAndWait(new OpenChat(chatId, organizationId, environmentId, userId, openedBy));
        return new ChatOpenedResponse(chatId.value());
    }

    /** 201 with the new message, or 200 with the earlier one when the client message id was posted before. */
    ResponseEntity<PostMessage.Receipt> post(PostMessage command) {
        PostMessage.Receipt receipt = commands.sendAndWait(command);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }
}
