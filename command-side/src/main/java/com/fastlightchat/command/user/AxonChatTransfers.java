package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * {@link ChatTransfers} as a command to the chat aggregate, sent and awaited. The chat feature owns the command;
 * it is wired where both features meet, e.g.
 * {@code new AxonChatTransfers(gateway, (chat, org, from, to) -> new TransferChat(chat, org, from, to))}.
 */
public final class AxonChatTransfers implements ChatTransfers {

    /** Builds the chat feature's transfer command. */
    @FunctionalInterface
    public interface TransferCommand {
        Object of(ChatId chatId, OrganizationId organizationId, UserId fromUserId, UserId toUserId);
    }

    private final CommandGateway commands;
    private final TransferCommand command;

    public AxonChatTransfers(CommandGateway commands, TransferCommand command) {
        this.commands = commands;
        this.command = command;
    }

    @Override
    public void transfer(ChatId chatId, OrganizationId organizationId, UserId fromUserId, UserId toUserId) {
        commands.sendAndWait(command.of(chatId, organizationId, fromUserId, toUserId));
    }
}
