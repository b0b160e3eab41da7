package com.fastlightchat.query.chat.web;

import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.ChatSummary.LastMessage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A chat as agents see it in the inbox and the chat header; enum-like values in lower case, as everywhere in the
 * query side's answers.
 *
 * @param userUnreadCount  public agent and bot messages the end user has not read
 * @param agentUnreadCount user messages no agent has read
 * @param userReadUpTo     the end user's read mark: every event up to this sequence is seen (read receipts)
 * @param agentsReadUpTo   the highest read mark of any agent
 */
public record ChatView(String chatId, String organizationId, String environmentId, String userId, String state,
                       Instant snoozedUntil, String assigneeId, String teamId, List<String> tags, String priority,
                       LastMessageView lastMessage, Instant lastActivityAt, int userUnreadCount, int agentUnreadCount,
                       long userReadUpTo, long agentsReadUpTo, Instant waitingSince, Instant firstResponseAt,
                       Instant openedAt, Instant closedAt, Instant reopenedAt, int cycle, long lastSequence) {

    /** The preview of the last public message; {@code text} is null once it is deleted. */
    public record LastMessageView(String messageId, long sequence, String authorKind, String text, int attachments,
                                  Instant postedAt, Instant editedAt, boolean deleted) {
    }

    public static ChatView of(ChatSummary chat) {
        LastMessage last = chat.lastMessage();
        LastMessageView lastView = last == null ? null : new LastMessageView(last.messageId(), last.sequence(),
                lower(last.authorKind()), last.text(), last.attachments(), last.postedAt(), last.editedAt(),
                last.deleted());
        return new ChatView(chat.chatId(), chat.organizationId(), chat.environmentId(), chat.userId(),
                lower(chat.state()), chat.snoozedUntil(), chat.assigneeId(), chat.teamId(), chat.tags(),
                lower(chat.priority()), lastView, chat.lastActivityAt(), chat.unreadForUser().size(),
                chat.unreadForAgents().size(), chat.userReadUpTo(), chat.agentsReadUpTo(), chat.waitingSince(),
                chat.firstResponseAt(), chat.openedAt(),
                chat.closedAt(), chat.reopenedAt(), chat.cycle(), chat.lastSequence());
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
