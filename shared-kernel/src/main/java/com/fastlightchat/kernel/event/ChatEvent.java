package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.DataSubject;

import java.time.Instant;

/**
 * Events of a chat. Every chat event names the chat's end user so that consumers (read models, the realtime
 * edge) can route it without a look-up. The per-chat sequence is the envelope's {@code sequence}. The end user is
 * the data subject of everything said in the chat, agents' replies and internal notes included: message contents
 * are sealed with the key of the chat's user at the time of the event.
 */
public sealed interface ChatEvent extends DomainEvent, DataSubject {

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

    @Override
    default String dataSubjectId() {
        return userId().value();
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

    /** The message's content was replaced by its author; {@code visibility} is the message's, for the edge's filter. */
    @EventType(name = "chat.message-edited", version = 1)
    record MessageEdited(OrganizationId organizationId, ChatId chatId, UserId userId, MessageId messageId,
                         Actor editedBy, Visibility visibility, MessageContent content) implements ChatEvent {
    }

    /** The message was withdrawn by its author; consumers drop its content. */
    @EventType(name = "chat.message-deleted", version = 1)
    record MessageDeleted(OrganizationId organizationId, ChatId chatId, UserId userId, MessageId messageId,
                          Actor deletedBy, Visibility visibility) implements ChatEvent {
    }

    /** The end user has seen every event of the chat up to and including sequence {@code upTo}. */
    @EventType(name = "chat.read-by-user", version = 1)
    record ChatReadByUser(OrganizationId organizationId, ChatId chatId, UserId userId, long upTo)
            implements ChatEvent {
    }

    /** The agent has seen every event of the chat up to and including sequence {@code upTo}. */
    @EventType(name = "chat.read-by-agent", version = 1)
    record ChatReadByAgent(OrganizationId organizationId, ChatId chatId, UserId userId, AgentId agentId, long upTo)
            implements ChatEvent {
    }

    /** Why a chat was assigned or unassigned. */
    enum AssignmentReason {
        /** An agent of the organization did it by hand. */
        MANUAL,
        /** Automatic routing picked the next agent with free capacity. */
        AUTO_ROUND_ROBIN,
        /** The chat went back to (or came out of) the waiting queue, e.g. because its agent went offline. */
        REQUEUED
    }

    /**
     * The chat is now handled by {@code agentId} and/or {@code teamId}; either may be null (a team without a
     * particular agent, or an agent outside any team). {@code teamId} is a plain id until the kernel has a team id.
     */
    @EventType(name = "chat.assigned", version = 1)
    record ChatAssigned(OrganizationId organizationId, ChatId chatId, UserId userId, AgentId agentId, String teamId,
                        AssignmentReason reason, Actor assignedBy) implements ChatEvent {
    }

    /** Nobody handles the chat any more; the previous agent and team (either may be null) say who did. */
    @EventType(name = "chat.unassigned", version = 1)
    record ChatUnassigned(OrganizationId organizationId, ChatId chatId, UserId userId, AgentId previousAgentId,
                          String previousTeamId, AssignmentReason reason, Actor unassignedBy) implements ChatEvent {
    }

    /** Why a chat waits for automatic assignment. */
    enum QueueReason {
        /** An agent asked for it to be assigned automatically. */
        REQUESTED,
        /** The end user opened it while the organization assigns chats automatically. */
        CHAT_OPENED,
        /** It was reopened without an agent while the organization assigns chats automatically. */
        CHAT_REOPENED,
        /** Its agent went offline or was deactivated ({@link ChatUnassigned} with {@code REQUEUED} precedes it). */
        AGENT_UNAVAILABLE,
        /** The team it waited for was deleted; it now waits for any agent. */
        TEAM_DELETED
    }

    /**
     * The chat waits in the routing queue for the next agent with free capacity of {@code teamId} (null: any agent
     * of the organization), first come, first served; {@link ChatAssigned} with {@code AUTO_ROUND_ROBIN} ends the
     * wait.
     */
    @EventType(name = "chat.queued", version = 1)
    record ChatQueued(OrganizationId organizationId, ChatId chatId, UserId userId, TeamId teamId, QueueReason reason,
                      Actor queuedBy) implements ChatEvent {
    }

    /** The chat is put aside until {@code until}, when it reopens by itself ({@link ReopenReason#SNOOZE_ENDED}). */
    @EventType(name = "chat.snoozed", version = 1)
    record ChatSnoozed(OrganizationId organizationId, ChatId chatId, UserId userId, Instant until, Actor snoozedBy)
            implements ChatEvent {
    }

    @EventType(name = "chat.closed", version = 1)
    record ChatClosed(OrganizationId organizationId, ChatId chatId, UserId userId, Actor closedBy)
            implements ChatEvent {
    }

    /** Why a closed or snoozed chat is open again. */
    enum ReopenReason {
        /** An agent reopened it. */
        AGENT,
        /** The end user wrote to it; the user's message follows in the same command. */
        USER_MESSAGE,
        /** Its snooze deadline passed; {@code reopenedBy} is the system. */
        SNOOZE_ENDED
    }

    @EventType(name = "chat.reopened", version = 1)
    record ChatReopened(OrganizationId organizationId, ChatId chatId, UserId userId, ReopenReason reason,
                        Actor reopenedBy) implements ChatEvent {
    }

    /** A tag matches {@code [a-z0-9][a-z0-9-]{0,31}}; a chat has at most 20. */
    @EventType(name = "chat.tagged", version = 1)
    record ChatTagged(OrganizationId organizationId, ChatId chatId, UserId userId, String tag, Actor taggedBy)
            implements ChatEvent {
    }

    @EventType(name = "chat.untagged", version = 1)
    record ChatUntagged(OrganizationId organizationId, ChatId chatId, UserId userId, String tag, Actor untaggedBy)
            implements ChatEvent {
    }

    /** How urgent a chat is; a new chat is {@code NORMAL}. */
    enum Priority { LOW, NORMAL, HIGH, URGENT }

    @EventType(name = "chat.priority-changed", version = 1)
    record ChatPriorityChanged(OrganizationId organizationId, ChatId chatId, UserId userId, Priority priority,
                               Priority previousPriority, Actor changedBy) implements ChatEvent {
    }

    /**
     * The chat now belongs to end user {@code userId} (e.g. an anonymous visitor merged into a member); every later
     * event of the chat carries the new user.
     */
    @EventType(name = "chat.transferred", version = 1)
    record ChatTransferred(OrganizationId organizationId, ChatId chatId, UserId userId, UserId previousUserId)
            implements ChatEvent {
    }
}
