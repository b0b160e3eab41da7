package com.fastlightchat.command.chat;

/** The answer to a chat command: the chat and its last sequence once the command is done (a no-op changes none). */
public record ChatReceipt(String chatId, long sequence) {
}
