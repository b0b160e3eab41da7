package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatQueued;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatSnoozed;
import com.fastlightchat.kernel.event.ChatEvent.ChatUnassigned;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.query.analytics.ChatFact.Kind;
import com.fastlightchat.query.analytics.ChatFact.LiveStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What analytics remember of one chat, and the facts each of its events yields ({@link #next}, a pure function of
 * the chat's events in order; duplicates and older redeliveries yield nothing). The clocks follow the inbox's:
 * <ul>
 *   <li>{@code waitingSince}: the chat waits for a human agent from its creation, or from a reopen when nobody was
 *       waiting, until an agent's first public reply (a first response) or its close;</li>
 *   <li>{@code unansweredSince}: the oldest public user message no agent has answered yet; an agent's public reply
 *       answers it (a reply time);</li>
 *   <li>{@code cycleOpenedAt}: the start of the open/close cycle (creation, or reopening a closed chat); closing
 *       ends it (a resolution time).</li>
 * </ul>
 *
 * @param closed  closed (a snoozed chat is not closed)
 * @param agentId the assignee, or null
 * @param teamId  the team handling it (assigned or queued for), or null
 */
public record ChatTimeline(String organizationId, String chatId, boolean closed, boolean snoozed, String agentId,
                           String teamId, Instant waitingSince, Instant unansweredSince, Instant cycleOpenedAt,
                           long lastSequence) {

    /** The timeline after one event and the facts it yielded. */
    public record Step(ChatTimeline timeline, List<ChatFact> facts) {
    }

    /** What this chat contributes to the live backlog. */
    public LiveStatus liveStatus() {
        boolean active = !closed && !snoozed;
        return new LiveStatus(active && agentId == null, active && waitingSince != null, closed ? null : agentId);
    }

    /**
     * Applies {@code envelope} (an event of this chat) to {@code current} (null for a chat not seen yet). An event
     * at or below the last applied sequence changes nothing and yields no fact.
     */
    public static Step next(ChatTimeline current, EventEnvelope envelope) {
        if (!(envelope.payload() instanceof ChatEvent event)
                || current != null && envelope.sequence() <= current.lastSequence()) {
            return new Step(current, List.of());
        }
        ChatTimeline before = current == null
                ? new ChatTimeline(envelope.organizationId(), envelope.aggregateId(), false, false, null, null, null,
                null, null, 0)
                : current;
        Instant at = envelope.occurredAt();
        List<ChatFact> facts = new ArrayList<>();
        ChatTimeline after = switch (event) {
            case ChatOpened ignored -> {
                ChatTimeline opened = before.with(false, false, before.agentId, before.teamId, at, null, at);
                facts.add(ChatFact.of(opened, Kind.OPENED, at, null, opened.agentId));
                yield opened;
            }
            case MessagePosted posted when posted.visibility() == Visibility.PUBLIC -> posted(before, posted, at, facts);
            case ChatAssigned assigned -> before.with(before.closed, before.snoozed,
                    assigned.agentId() == null ? null : assigned.agentId().value(), assigned.teamId(),
                    before.waitingSince, before.unansweredSince, before.cycleOpenedAt);
            case ChatUnassigned ignored -> before.with(before.closed, before.snoozed, null, null, before.waitingSince,
                    before.unansweredSince, before.cycleOpenedAt);
            case ChatQueued queued -> before.with(before.closed, before.snoozed, before.agentId,
                    queued.teamId() == null ? before.teamId : queued.teamId().value(), before.waitingSince,
                    before.unansweredSince, before.cycleOpenedAt);
            case ChatSnoozed ignored -> before.closed ? before : before.with(false, true, before.agentId,
                    before.teamId, before.waitingSince, before.unansweredSince, before.cycleOpenedAt);
            case ChatClosed ignored -> {
                if (before.closed) {
                    yield before;
                }
                facts.add(ChatFact.of(before, Kind.CLOSED, at, null, before.agentId));
                if (before.cycleOpenedAt != null) {
                    facts.add(ChatFact.of(before, Kind.RESOLUTION, at, before.cycleOpenedAt, before.agentId));
                }
                yield before.with(true, false, before.agentId, before.teamId, null, null, null);
            }
            case ChatReopened ignored -> {
                Instant cycle = before.cycleOpenedAt;
                if (before.closed) {
                    facts.add(ChatFact.of(before, Kind.REOPENED, at, null, before.agentId));
                    cycle = at;
                }
                yield before.with(false, false, before.agentId, before.teamId,
                        before.waitingSince == null ? at : before.waitingSince, before.unansweredSince, cycle);
            }
            default -> before;
        };
        after = new ChatTimeline(after.organizationId, after.chatId, after.closed, after.snoozed, after.agentId,
                after.teamId, after.waitingSince, after.unansweredSince, after.cycleOpenedAt, envelope.sequence());
        LiveStatus was = current == null ? LiveStatus.NONE : current.liveStatus();
        LiveStatus is = after.liveStatus();
        if (!was.equals(is)) {
            facts.add(ChatFact.status(after, at, was, is));
        }
        return new Step(after, List.copyOf(facts));
    }

    private static ChatTimeline posted(ChatTimeline chat, MessagePosted posted, Instant at, List<ChatFact> facts) {
        Actor author = posted.author();
        return switch (author.kind()) {
            case USER -> {
                facts.add(ChatFact.of(chat, Kind.MESSAGE_IN, at, null, chat.agentId));
                yield chat.with(chat.closed, chat.snoozed, chat.agentId, chat.teamId, chat.waitingSince,
                        Objects.requireNonNullElse(chat.unansweredSince, at), chat.cycleOpenedAt);
            }
            case AGENT -> {
                String agent = author.id();
                facts.add(ChatFact.of(chat, Kind.MESSAGE_OUT, at, null, agent));
                if (chat.waitingSince != null) {
                    facts.add(ChatFact.of(chat, Kind.FIRST_RESPONSE, at, chat.waitingSince, agent));
                }
                if (chat.unansweredSince != null) {
                    facts.add(ChatFact.of(chat, Kind.REPLY, at, chat.unansweredSince, agent));
                }
                yield chat.with(chat.closed, chat.snoozed, chat.agentId, chat.teamId, null, null, chat.cycleOpenedAt);
            }
            case BOT -> {
                facts.add(ChatFact.of(chat, Kind.MESSAGE_OUT, at, null, null));
                yield chat;
            }
            case SYSTEM -> chat;
        };
    }

    private ChatTimeline with(boolean closed, boolean snoozed, String agentId, String teamId, Instant waitingSince,
                              Instant unansweredSince, Instant cycleOpenedAt) {
        return new ChatTimeline(organizationId, chatId, closed, snoozed, agentId, teamId, waitingSince,
                unansweredSince, cycleOpenedAt, lastSequence);
    }
}
