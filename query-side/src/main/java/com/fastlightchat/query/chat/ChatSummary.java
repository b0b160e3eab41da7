package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatPriorityChanged;
import com.fastlightchat.kernel.event.ChatEvent.ChatQueued;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatSnoozed;
import com.fastlightchat.kernel.event.ChatEvent.ChatTagged;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.event.ChatEvent.ChatUnassigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatUntagged;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessageEdited;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import com.fastlightchat.kernel.event.UnreadMessages.Unread;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat as an inbox row: the {@code chats} document. Everything in it is derived from the chat's events alone
 * (times are the events' {@code occurredAt}, cut to milliseconds as MongoDB stores them), so a rebuild from the
 * event stream gives exactly the same document. {@link #next} is the whole projection logic, as a pure function.
 *
 * @param state           {@code OPEN}, {@code SNOOZED} (until {@code snoozedUntil}) or {@code CLOSED}
 * @param assigneeId      the agent handling the chat, or null
 * @param teamId          the team handling the chat, or null
 * @param lastMessage     the last public message, or null before the first one
 * @param lastActivityAt  time of the latest activity: opened, message posted (notes too), snoozed, closed, reopened
 * @param unreadForUser   public agent and bot messages after the user's read mark ({@code userReadUpTo}), as
 *                        {@link UnreadMessages} defines them
 * @param unreadForAgents user messages after the highest read mark of any agent ({@code agentsReadUpTo})
 * @param waitingSince    since when the user waits for a human agent's public reply (creation, or reopen), or null
 * @param firstResponseAt the first public reply of a human agent, ever
 * @param openedAt        when the chat was created
 * @param closedAt        when the current cycle was closed, null while it is not
 * @param reopenedAt      when the chat was last reopened, or null
 * @param cycle           the open/close cycle: 1 from creation, one more on each reopen of a closed chat
 * @param lastSequence    the chat sequence of the last applied event: older and duplicate events change nothing
 */
public record ChatSummary(@Id String chatId, String organizationId, String environmentId, String userId,
                          State state, Instant snoozedUntil, String assigneeId, String teamId, List<String> tags,
                          Priority priority, LastMessage lastMessage, Instant lastActivityAt,
                          List<Unread> unreadForUser, long userReadUpTo, List<Unread> unreadForAgents,
                          long agentsReadUpTo, Instant waitingSince, Instant firstResponseAt, Instant openedAt,
                          Instant closedAt, Instant reopenedAt, int cycle, long lastSequence) {

    /** How many characters of a message the preview keeps. */
    public static final int PREVIEW_LENGTH = 140;

    public enum State { OPEN, SNOOZED, CLOSED }

    /**
     * The preview of the last public message.
     *
     * @param text        at most {@link #PREVIEW_LENGTH} characters; null once the message is deleted
     * @param attachments how many attachments it has
     */
    public record LastMessage(String messageId, long sequence, Actor.Kind authorKind, String text, int attachments,
                              Instant postedAt, Instant editedAt, boolean deleted) {
    }

    public ChatSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
        unreadForUser = unreadForUser == null ? List.of() : List.copyOf(unreadForUser);
        unreadForAgents = unreadForAgents == null ? List.of() : List.copyOf(unreadForAgents);
    }

    /** What {@code reader} has not read yet: the inbox's badge. */
    public UnreadMessages unread(Reader reader) {
        return reader == Reader.USER ? new UnreadMessages(userReadUpTo, unreadForUser)
                : new UnreadMessages(agentsReadUpTo, unreadForAgents);
    }

    /**
     * The summary after {@code envelope}'s event, or {@code current} itself when the event is not newer than what
     * it already holds (a duplicate or an older redelivery). {@code current} is null for a chat not seen yet.
     */
    public static ChatSummary next(ChatSummary current, EventEnvelope envelope) {
        if (!(envelope.payload() instanceof ChatEvent event)) {
            return current;
        }
        if (current != null && envelope.sequence() <= current.lastSequence()) {
            return current;
        }
        Builder b = current == null ? Builder.fresh(event) : new Builder(current);
        Instant at = envelope.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        long sequence = envelope.sequence();
        b.lastSequence = sequence;
        switch (event) {
            case ChatOpened opened -> {
                b.environmentId = opened.environmentId().value();
                b.openedAt = at;
                b.waitingSince = at;
                b.lastActivityAt = at;
            }
            case MessagePosted posted -> {
                b.lastActivityAt = at;
                if (posted.visibility() == Visibility.PUBLIC) {
                    Actor.Kind kind = posted.author().kind();
                    b.lastMessage = new LastMessage(posted.messageId().value(), sequence, kind,
                            preview(posted.content()), posted.content().attachments().size(), at, null, false);
                    if (kind == Actor.Kind.AGENT) {
                        b.waitingSince = null;
                        if (b.firstResponseAt == null) {
                            b.firstResponseAt = at;
                        }
                    }
                }
            }
            case MessageEdited edited -> {
                LastMessage last = b.lastMessage;
                if (last != null && last.messageId().equals(edited.messageId().value()) && !last.deleted()) {
                    b.lastMessage = new LastMessage(last.messageId(), last.sequence(), last.authorKind(),
                            preview(edited.content()), edited.content().attachments().size(), last.postedAt(), at,
                            false);
                }
            }
            case MessageDeleted deleted -> {
                LastMessage last = b.lastMessage;
                if (last != null && last.messageId().equals(deleted.messageId().value())) {
                    b.lastMessage = new LastMessage(last.messageId(), last.sequence(), last.authorKind(), null, 0,
                            last.postedAt(), last.editedAt(), true);
                }
            }
            case ChatReadByUser ignored -> {
                // unread counts below
            }
            case ChatReadByAgent ignored -> {
                // unread counts below
            }
            case ChatAssigned assigned -> {
                b.assigneeId = assigned.agentId() == null ? null : assigned.agentId().value();
                b.teamId = assigned.teamId();
            }
            case ChatUnassigned ignored -> {
                b.assigneeId = null;
                b.teamId = null;
            }
            case ChatSnoozed snoozed -> {
                b.state = State.SNOOZED;
                b.snoozedUntil = snoozed.until().truncatedTo(ChronoUnit.MILLIS);
                b.lastActivityAt = at;
            }
            case ChatClosed ignored -> {
                b.state = State.CLOSED;
                b.snoozedUntil = null;
                b.closedAt = at;
                b.waitingSince = null;
                b.lastActivityAt = at;
            }
            case ChatReopened ignored -> {
                if (b.state == State.CLOSED) {
                    b.cycle++;
                }
                b.state = State.OPEN;
                b.snoozedUntil = null;
                b.closedAt = null;
                b.reopenedAt = at;
                if (b.waitingSince == null) {
                    b.waitingSince = at;
                }
                b.lastActivityAt = at;
            }
            case ChatTagged tagged -> {
                if (!b.tags.contains(tagged.tag())) {
                    b.tags.add(tagged.tag());
                }
            }
            case ChatUntagged untagged -> b.tags.remove(untagged.tag());
            case ChatPriorityChanged changed -> b.priority = changed.priority();
            case ChatTransferred transferred -> b.userId = transferred.userId().value();
            // a chat waiting for a team shows in that team's (unassigned) inbox
            case ChatQueued queued -> {
                if (queued.teamId() != null) {
                    b.teamId = queued.teamId().value();
                }
            }
        }
        UnreadMessages forUser = new UnreadMessages(b.userReadUpTo, b.unreadForUser).apply(Reader.USER, sequence, event);
        b.userReadUpTo = forUser.readUpTo();
        b.unreadForUser = forUser.messages();
        UnreadMessages forAgents = new UnreadMessages(b.agentsReadUpTo, b.unreadForAgents)
                .apply(Reader.AGENTS, sequence, event);
        b.agentsReadUpTo = forAgents.readUpTo();
        b.unreadForAgents = forAgents.messages();
        if (b.lastActivityAt == null) {
            b.lastActivityAt = at;
        }
        return b.build();
    }

    /** The first {@link #PREVIEW_LENGTH} characters of the text, never splitting a surrogate pair. */
    static String preview(MessageContent content) {
        String text = content.text() == null ? "" : content.text();
        if (text.length() <= PREVIEW_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(PREVIEW_LENGTH - 1)) ? PREVIEW_LENGTH - 1 : PREVIEW_LENGTH;
        return text.substring(0, end);
    }

    /** A mutable copy while one event is applied. */
    private static final class Builder {
        final String chatId;
        final String organizationId;
        String environmentId;
        String userId;
        State state;
        Instant snoozedUntil;
        String assigneeId;
        String teamId;
        final List<String> tags;
        Priority priority;
        LastMessage lastMessage;
        Instant lastActivityAt;
        List<Unread> unreadForUser;
        long userReadUpTo;
        List<Unread> unreadForAgents;
        long agentsReadUpTo;
        Instant waitingSince;
        Instant firstResponseAt;
        Instant openedAt;
        Instant closedAt;
        Instant reopenedAt;
        int cycle;
        long lastSequence;

        Builder(ChatSummary s) {
            chatId = s.chatId;
            organizationId = s.organizationId;
            environmentId = s.environmentId;
            userId = s.userId;
            state = s.state;
            snoozedUntil = s.snoozedUntil;
            assigneeId = s.assigneeId;
            teamId = s.teamId;
            tags = new ArrayList<>(s.tags);
            priority = s.priority;
            lastMessage = s.lastMessage;
            lastActivityAt = s.lastActivityAt;
            unreadForUser = s.unreadForUser;
            userReadUpTo = s.userReadUpTo;
            unreadForAgents = s.unreadForAgents;
            agentsReadUpTo = s.agentsReadUpTo;
            waitingSince = s.waitingSince;
            firstResponseAt = s.firstResponseAt;
            openedAt = s.openedAt;
            closedAt = s.closedAt;
            reopenedAt = s.reopenedAt;
            cycle = s.cycle;
            lastSequence = s.lastSequence;
        }

        static Builder fresh(ChatEvent event) {
            return new Builder(new ChatSummary(event.chatId().value(), event.organizationId().value(), null,
                    event.userId().value(), State.OPEN, null, null, null, List.of(), Priority.NORMAL, null, null,
                    List.of(), 0, List.of(), 0, null, null, null, null, null, 1, 0));
        }

        ChatSummary build() {
            return new ChatSummary(chatId, organizationId, environmentId, userId, state, snoozedUntil, assigneeId,
                    teamId, tags, priority, lastMessage, lastActivityAt, unreadForUser, userReadUpTo,
                    unreadForAgents, agentsReadUpTo, waitingSince, firstResponseAt, openedAt, closedAt, reopenedAt,
                    cycle, lastSequence);
        }
    }
}
