package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;

/**
 * Events of a chat. Every chat event names the chat's end user so that consumers (read models, the realtime
 * edge) can route it without a look-up. The per-chat sequence is the envelope's {@code sequence}.
 */
public sealed interface ChatEvent extends DomainEvent {

    ChatId chatId();

    /** The end user the chat is with. */
    UserId userId();

    @Override
    default String aggregateId() {
        return chatId().value();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.CHAT;
    }

    @EventType(name = "chat.opened", version = 1)
    record ChatOpened(OrganizationId organizationId, ChatId chatId, EnvironmentId environmentId, UserId userId,
                      Actor openedBy) implements ChatEvent {
    }

    /** Visibility: {@code PUBLIC} messages reach the end user; {@code INTERNAL} notes only ever reach agents. */
    enum Visibility { PUBLIC, INTERNAL }

    @EventType(name = "chat.message-posted", version = 1)
    record MessagePosted(OrganizationId organizationId, ChatId chatId, UserId userId, MessageId messageId,
                         ClientMessageId clientMessageId, Actor author, Visibility visibility,
                         MessageContent content) implements ChatEvent {
    }
}
