package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one side of a chat has not read yet — the single definition of an unread badge, used by the inbox (query
 * side) and by the badges the realtime edge pushes, so both always show the same number.
 *
 * <ul>
 *   <li>The {@link Reader#USER end user} has unread the public messages of agents and bots posted after the user's
 *       read mark.</li>
 *   <li>{@link Reader#AGENTS Agents} (the team, together) have unread the user's messages posted after the highest
 *       read mark any agent set.</li>
 *   <li>A deleted message is no longer unread; a read mark ({@code upTo}, a chat sequence) clears everything up to
 *       it. Internal notes are never unread for anyone.</li>
 * </ul>
 *
 * @param readUpTo the reader's read mark: the highest chat sequence they have seen (0: none)
 * @param messages the unread messages, ascending by sequence
 */
public record UnreadMessages(long readUpTo, List<Unread> messages) {

    /** Whose unread messages. */
    public enum Reader { USER, AGENTS }

    /** A message counted as unread: its chat sequence and id. */
    public record Unread(long sequence, String messageId) {
        public Unread {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    public static final UnreadMessages NONE = new UnreadMessages(0, List.of());

    public UnreadMessages {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** The badge. */
    public int count() {
        return messages.size();
    }

    /** Whether {@code event} may change what {@code reader} has unread; every other event leaves it as it is. */
    public static boolean concerns(Reader reader, ChatEvent event) {
        return switch (event) {
            case MessagePosted posted -> posted.visibility() == Visibility.PUBLIC
                    && countsFor(reader, posted.author().kind());
            case MessageDeleted deleted -> deleted.visibility() == Visibility.PUBLIC;
            case ChatReadByUser ignored -> reader == Reader.USER;
            case ChatReadByAgent ignored -> reader == Reader.AGENTS;
            default -> false;
        };
    }

    /** Pure: this state after the chat event of {@code sequence}; unchanged for events that do not concern it. */
    public UnreadMessages apply(Reader reader, long sequence, ChatEvent event) {
        return switch (event) {
            case MessagePosted posted when posted.visibility() == Visibility.PUBLIC
                    && countsFor(reader, posted.author().kind()) && sequence > readUpTo
                    && messages.stream().noneMatch(m -> m.sequence() == sequence) -> {
                List<Unread> next = new ArrayList<>(messages);
                next.add(new Unread(sequence, posted.messageId().value()));
                yield new UnreadMessages(readUpTo, next);
            }
            case MessageDeleted deleted -> without(deleted.messageId().value());
            case ChatReadByUser read when reader == Reader.USER -> readUpTo(read.upTo());
            case ChatReadByAgent read when reader == Reader.AGENTS -> readUpTo(read.upTo());
            default -> this;
        };
    }

    private static boolean countsFor(Reader reader, Actor.Kind author) {
        return switch (reader) {
            case USER -> author == Actor.Kind.AGENT || author == Actor.Kind.BOT;
            case AGENTS -> author == Actor.Kind.USER;
        };
    }

    private UnreadMessages without(String messageId) {
        if (messages.stream().noneMatch(m -> m.messageId().equals(messageId))) {
            return this;
        }
        return new UnreadMessages(readUpTo, messages.stream().filter(m -> !m.messageId().equals(messageId)).toList());
    }

    private UnreadMessages readUpTo(long upTo) {
        long mark = Math.max(readUpTo, upTo);
        return new UnreadMessages(mark, messages.stream().filter(m -> m.sequence() > mark).toList());
    }
}
