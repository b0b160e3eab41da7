package com.fastlightchat.command.user;

import com.fastlightchat.command.chat.TransferChat;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Moves a chat to another user by sending the chat feature's {@link TransferChat} command (idempotent). */
@Component
public class AxonChatTransfers implements ChatTransfers {

    private final CommandGateway commands;

    public AxonChatTransfers(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void transfer(ChatId chatId, OrganizationId organizationId, UserId fromUserId, UserId toUserId) {
        commands.sendAndWait(new TransferChat(chatId, organizationId, fromUserId, toUserId));
    }
}
