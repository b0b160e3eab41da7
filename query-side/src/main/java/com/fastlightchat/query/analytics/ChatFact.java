package com.fastlightchat.query.analytics;

import java.time.Instant;

/**
 * One thing that happened to a chat, as analytics count it, attributed to the chat's team and an agent at the time
 * it happened. Emitted by {@link ChatTimeline}, keyed by organization.
 *
 * @param kind    what happened
 * @param at      when (the event's {@code occurredAt})
 * @param since   for {@link Kind#FIRST_RESPONSE}, {@link Kind#REPLY} and {@link Kind#RESOLUTION}: when the measured
 *                interval began; null otherwise
 * @param teamId  the chat's team at that time, or null
 * @param agentId the agent it is attributed to (the author of an agent's message, otherwise the chat's assignee), or
 *                null
 * @param before  for {@link Kind#STATUS}: the chat's live status before; null otherwise (and for a new chat)
 * @param after   for {@link Kind#STATUS}: the chat's live status after; null otherwise
 */
public record ChatFact(String organizationId, String chatId, Kind kind, Instant at, Instant since, String teamId,
                       String agentId, LiveStatus before, LiveStatus after) {

    public enum Kind {
        OPENED, CLOSED, REOPENED, MESSAGE_IN, MESSAGE_OUT, FIRST_RESPONSE, REPLY, RESOLUTION, STATUS;

        /** Kinds that measure a time from {@code since} to {@code at}. */
        public boolean timed() {
            return this == FIRST_RESPONSE || this == REPLY || this == RESOLUTION;
        }
    }

    /**
     * What a chat adds to the live backlog.
     *
     * @param unassigned open (not snoozed) without an agent
     * @param waiting    open (not snoozed) and waiting for a human agent's reply
     * @param loadOf     the agent whose load it counts in (open or snoozed, assigned), or null
     */
    public record LiveStatus(boolean unassigned, boolean waiting, String loadOf) {
        public static final LiveStatus NONE = new LiveStatus(false, false, null);
    }

    static ChatFact of(ChatTimeline chat, Kind kind, Instant at, Instant since, String agentId) {
        return new ChatFact(chat.organizationId(), chat.chatId(), kind, at, since, chat.teamId(), agentId, null, null);
    }

    static ChatFact status(ChatTimeline chat, Instant at, LiveStatus before, LiveStatus after) {
        return new ChatFact(chat.organizationId(), chat.chatId(), Kind.STATUS, at, null, chat.teamId(),
                chat.agentId(), before, after);
    }
}
