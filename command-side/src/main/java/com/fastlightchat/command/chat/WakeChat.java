package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.id.ChatId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Sent by the wake-up scheduler when a snooze deadline has passed. It reopens the chat only if the chat is still
 * snoozed until exactly {@code until}: a chat reopened, closed or snoozed again meanwhile stays as it is.
 */
public record WakeChat(@TargetAggregateIdentifier ChatId chatId, Instant until) {
}
