package com.fastlightchat.command.chat;

import com.fastlightchat.command.platform.AggregateCaching;
import com.fastlightchat.command.privacy.ErasedUsers;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
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
import com.fastlightchat.kernel.event.ChatEvent.QueueReason;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.privacy.DataSubject;
import com.fastlightchat.kernel.privacy.PersonalData;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A chat. Its events are numbered 1, 2, 3… without gaps (the envelope's sequence = Axon's sequence + 1), which is
 * what clients use to detect and fill gaps.
 * <p>
 * Its state is snapshotted (Jackson, by field) for long chats, so it holds only what decisions need, with string
 * map keys, and no personal data: an edit is compared with a message's content by digest, not by text, and even the
 * digests are sealed with the end user's key in snapshots (the chat is their {@link DataSubject}), so that nobody
 * can confirm a guessed text of an erased user. Once its user's personal data is erased the chat takes no new
 * message, edit or chat of theirs.
 */
@Aggregate(snapshotTriggerDefinition = ChatConfiguration.SNAPSHOT_TRIGGER, cache = AggregateCaching.CACHE)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class Chat implements DataSubject {

    /** The longest message text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_TAGS = 20;
    public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** The furthest a snooze may reach. */
    public static final Duration MAX_SNOOZE = Duration.ofDays(365);

    enum Status { OPEN, SNOOZED, CLOSED }

    /** What the chat remembers of a message: who wrote it, who may see it, a digest of its content, whether deleted. */
    record MessageState(Actor author, ChatEvent.Visibility visibility, @PersonalData String contentDigest,
                        boolean deleted) {
    }

    @AggregateIdentifier
    private ChatId id;
    private OrganizationId organizationId;
    private UserId userId;
    private Status status;
    private Instant snoozedUntil;
    /** Author + client message id → where that message is, for idempotent retries. */
    private Map<String, PostMessage.Receipt> posted = new HashMap<>();
    /** Message id → what edits and deletions need to know. */
    private Map<String, MessageState> messages = new HashMap<>();
    private long userReadUpTo;
    /** Agent id → the sequence up to which that agent has read. */
    private Map<String, Long> agentReadUpTo = new HashMap<>();
    private AgentId assignedAgent;
    private String assignedTeam;
    /** Whether the chat waits in the routing queue, and for which team (null: any agent). */
    private boolean queued;
    private String queuedTeam;
    private LinkedHashSet<String> tags = new LinkedHashSet<>();
    private Priority priority;

    protected Chat() {
    }

    @CommandHandler
    public Chat(OpenChat command, ErasedUsers erasedUsers) {
        requireNotErased(command.userId(), erasedUsers);
        apply(new ChatOpened(command.organizationId(), command.chatId(), command.environmentId(), command.userId(),
                command.openedBy()));
    }

    /**
     * Posts a message, or answers with the earlier one when its author already posted this client message id. A
     * user's message to a closed or snoozed chat reopens it first, in the same command.
     */
    @CommandHandler
    public PostMessage.Receipt handle(PostMessage command, ErasedUsers erasedUsers) {
        requireAccess(command.organizationId(), command.author());
        String key = postedKey(command.author(), command.clientMessageId());
        PostMessage.Receipt earlier = posted.get(key);
        if (earlier != null) {
            return new PostMessage.Receipt(earlier.chatId(), earlier.messageId(), earlier.sequence(), true);
        }
        requireValidText(command.content());
        requireNotErased(userId, erasedUsers);
        if (command.visibility() == ChatEvent.Visibility.INTERNAL && command.author().kind() != Actor.Kind.AGENT) {
            throw Rejection.invalid("visibility", "only agents can write internal notes");
        }
        if (command.author().kind() == Actor.Kind.USER && status != Status.OPEN) {
            apply(new ChatReopened(organizationId, id, userId, ReopenReason.USER_MESSAGE, command.author()));
        }
        apply(new MessagePosted(organizationId, id, userId, command.messageId(), command.clientMessageId(),
                command.author(), command.visibility(), command.content()));
        return posted.get(key);
    }

    @CommandHandler
    public ChatReceipt handle(EditMessage command, ErasedUsers erasedUsers) {
        requireAccess(command.organizationId(), command.editor());
        MessageState message = ownMessage(command.messageId().value(), command.editor());
        if (message.deleted()) {
            throw Rejection.conflict("messageId", "a deleted message cannot be edited");
        }
        requireValidText(command.content());
        requireNotErased(userId, erasedUsers);
        if (!digest(command.content()).equals(message.contentDigest())) {
            apply(new MessageEdited(organizationId, id, userId, command.messageId(), command.editor(),
                    message.visibility(), command.content()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(DeleteMessage command) {
        requireAccess(command.organizationId(), command.deleter());
        MessageState message = ownMessage(command.messageId().value(), command.deleter());
        if (!message.deleted()) {
            apply(new MessageDeleted(organizationId, id, userId, command.messageId(), command.deleter(),
                    message.visibility()));
        }
        return receipt();
    }

    /** Read marks move forward only, and never past the chat's last event. */
    @CommandHandler
    public ChatReceipt handle(MarkChatRead command) {
        requireAccess(command.organizationId(), command.reader());
        if (command.upTo() < 1 || command.upTo() > lastSequence()) {
            throw Rejection.invalid("upTo", "must be between 1 and the chat's last sequence " + lastSequence());
        }
        Actor reader = command.reader();
        if (reader.kind() == Actor.Kind.USER) {
            if (command.upTo() > userReadUpTo) {
                apply(new ChatReadByUser(organizationId, id, userId, command.upTo()));
            }
        } else if (reader.kind() == Actor.Kind.AGENT) {
            if (command.upTo() > agentReadUpTo.getOrDefault(reader.id(), 0L)) {
                apply(new ChatReadByAgent(organizationId, id, userId, new AgentId(reader.id()), command.upTo()));
            }
        } else {
            throw Rejection.forbidden("only the chat's user and agents have read marks");
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(AssignChat command) {
        requireAccess(command.organizationId(), command.assignedBy());
        if (command.agentId() == null && command.teamId() == null) {
            throw Rejection.invalid("agentId", "name an agent, a team or both");
        }
        if (command.teamId() != null) {
            Ids.require(command.teamId(), "teamId");
        }
        if (command.reason() == AssignmentReason.AUTO_ROUND_ROBIN && !awaitsRouting(command.teamId())) {
            return receipt();
        }
        if (!Objects.equals(command.agentId(), assignedAgent) || !Objects.equals(command.teamId(), assignedTeam)) {
            apply(new ChatAssigned(organizationId, id, userId, command.agentId(), command.teamId(), command.reason(),
                    command.assignedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(UnassignChat command) {
        requireAccess(command.organizationId(), command.unassignedBy());
        if (assignedAgent != null || assignedTeam != null) {
            apply(new ChatUnassigned(organizationId, id, userId, assignedAgent, assignedTeam, command.reason(),
                    command.unassignedBy()));
        }
        return receipt();
    }

    /**
     * Queues the chat for automatic assignment. A chat with an agent, or already waiting for the same team, stays
     * as it is; a closed one is refused when an agent asked (409), and left alone when routing did.
     */
    @CommandHandler
    public ChatReceipt handle(QueueChat command) {
        requireAccess(command.organizationId(), command.queuedBy());
        if (status == Status.CLOSED) {
            if (command.reason() == QueueReason.REQUESTED) {
                throw Rejection.conflict("status", "a closed chat cannot be queued; reopen it first");
            }
            return receipt();
        }
        String team = command.teamId() == null ? null : command.teamId().value();
        if (assignedAgent == null && !(queued && Objects.equals(team, queuedTeam))) {
            apply(new ChatQueued(organizationId, id, userId, command.teamId(), command.reason(), command.queuedBy()));
        }
        return receipt();
    }

    /** Takes the chat from an agent who is no longer available and queues it again for its team. */
    @CommandHandler
    public ChatReceipt handle(RequeueChat command) {
        requireAccess(command.organizationId(), Actor.system());
        if (status != Status.CLOSED && command.agentId().equals(assignedAgent)) {
            TeamId team = assignedTeam == null ? null : new TeamId(assignedTeam);
            apply(new ChatUnassigned(organizationId, id, userId, assignedAgent, assignedTeam,
                    AssignmentReason.REQUEUED, Actor.system()));
            apply(new ChatQueued(organizationId, id, userId, team, QueueReason.AGENT_UNAVAILABLE, Actor.system()));
        }
        return receipt();
    }

    /**
     * Whether a routing decision for {@code teamId} still applies: the chat is not closed, has no agent and still
     * waits for that team. A replayed or retried decision, or one overtaken by events, changes nothing.
     */
    private boolean awaitsRouting(String teamId) {
        return status != Status.CLOSED && queued && assignedAgent == null && Objects.equals(teamId, queuedTeam);
    }

    @CommandHandler
    public ChatReceipt handle(SnoozeChat command) {
        requireAccess(command.organizationId(), command.snoozedBy());
        Instant until = command.until();
        if (until == null || !until.isAfter(command.requestedAt())
                || until.isAfter(command.requestedAt().plus(MAX_SNOOZE))) {
            throw Rejection.invalid("until", "must be in the future and at most 365 days ahead");
        }
        if (status == Status.CLOSED) {
            throw Rejection.conflict("status", "a closed chat cannot be snoozed; reopen it first");
        }
        if (status != Status.SNOOZED || !until.equals(snoozedUntil)) {
            apply(new ChatSnoozed(organizationId, id, userId, until, command.snoozedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(WakeChat command) {
        if (status == Status.SNOOZED && command.until().equals(snoozedUntil)) {
            apply(new ChatReopened(organizationId, id, userId, ReopenReason.SNOOZE_ENDED, Actor.system()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(CloseChat command) {
        requireAccess(command.organizationId(), command.closedBy());
        if (status != Status.CLOSED) {
            apply(new ChatClosed(organizationId, id, userId, command.closedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(ReopenChat command) {
        requireAccess(command.organizationId(), command.reopenedBy());
        if (status != Status.OPEN) {
            apply(new ChatReopened(organizationId, id, userId, ReopenReason.AGENT, command.reopenedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(TagChat command) {
        requireAccess(command.organizationId(), command.taggedBy());
        String tag = requireTag(command.tag());
        if (!tags.contains(tag)) {
            if (tags.size() >= MAX_TAGS) {
                throw Rejection.invalid("tag", "a chat has at most " + MAX_TAGS + " tags");
            }
            apply(new ChatTagged(organizationId, id, userId, tag, command.taggedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(UntagChat command) {
        requireAccess(command.organizationId(), command.untaggedBy());
        String tag = requireTag(command.tag());
        if (tags.contains(tag)) {
            apply(new ChatUntagged(organizationId, id, userId, tag, command.untaggedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(ChangeChatPriority command) {
        requireAccess(command.organizationId(), command.changedBy());
        if (command.priority() == null) {
            throw Rejection.invalid("priority", "must be one of low, normal, high, urgent");
        }
        if (command.priority() != priority) {
            apply(new ChatPriorityChanged(organizationId, id, userId, command.priority(), priority,
                    command.changedBy()));
        }
        return receipt();
    }

    @CommandHandler
    public ChatReceipt handle(TransferChat command) {
        if (!organizationId.equals(command.organizationId())) {
            throw Rejection.notFound("chat");
        }
        if (userId.equals(command.fromUserId()) && !userId.equals(command.toUserId())) {
            apply(new ChatTransferred(organizationId, id, command.toUserId(), userId));
        }
        return receipt();
    }

    /** Another tenant's chat, or another user's, is reported as missing so that its existence does not leak. */
    private void requireAccess(OrganizationId callerOrganization, Actor actor) {
        boolean sameTenant = organizationId.equals(callerOrganization);
        boolean allowed = switch (actor.kind()) {
            case USER -> sameTenant && userId.value().equals(actor.id());
            case AGENT, BOT, SYSTEM -> sameTenant;
        };
        if (!allowed) {
            throw Rejection.notFound("chat");
        }
    }

    /** The message, if the actor wrote it; end users never learn that an internal note exists. */
    private MessageState ownMessage(String messageId, Actor actor) {
        MessageState message = messages.get(messageId);
        if (message == null
                || (actor.kind() == Actor.Kind.USER && message.visibility() == ChatEvent.Visibility.INTERNAL)) {
            throw Rejection.notFound("message");
        }
        if (!message.author().equals(actor)) {
            throw Rejection.forbidden("only the author may change a message");
        }
        return message;
    }

    /** Nothing personal is recorded any more for a user whose personal data was erased. */
    private static void requireNotErased(UserId user, ErasedUsers erasedUsers) {
        if (erasedUsers.isErased(user)) {
            throw Rejection.conflict("userId", "the end user's personal data was erased; the chat takes nothing new");
        }
    }

    /** Whose personal data the chat's snapshot holds (the digests): the chat's end user. */
    @Override
    public String dataSubjectId() {
        return userId == null ? null : userId.value();
    }

    private static void requireValidText(MessageContent content) {
        String text = content.text() == null ? "" : content.text();
        if (text.isBlank() && content.attachments().isEmpty()) {
            throw Rejection.invalid("text", "must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw Rejection.invalid("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
    }

    private static String requireTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw Rejection.invalid("tag", "must be 1-32 lower-case letters, digits or '-', not starting with '-'");
        }
        return tag;
    }

    private static String postedKey(Actor author, ClientMessageId clientMessageId) {
        return author.kind() + ":" + author.id() + ":" + clientMessageId.value();
    }

    /** SHA-256 of the content's JSON: enough to tell an edit from a repeat without keeping personal data. */
    static String digest(MessageContent content) {
        try {
            byte[] json = KernelJson.mapper().writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The sequence of the chat's last event, applied ones included (Axon's version + 1). */
    private static long lastSequence() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version + 1;
    }

    private ChatReceipt receipt() {
        return new ChatReceipt(id.value(), lastSequence());
    }

    @EventSourcingHandler
    void on(ChatOpened event) {
        id = event.chatId();
        organizationId = event.organizationId();
        userId = event.userId();
        status = Status.OPEN;
        priority = Priority.NORMAL;
    }

    @EventSourcingHandler
    void on(MessagePosted event, @SequenceNumber long sequenceNumber) {
        posted.put(postedKey(event.author(), event.clientMessageId()), new PostMessage.Receipt(event.chatId().value(),
                event.messageId().value(), sequenceNumber + 1, false));
        messages.put(event.messageId().value(),
                new MessageState(event.author(), event.visibility(), digest(event.content()), false));
    }

    @EventSourcingHandler
    void on(MessageEdited event) {
        messages.computeIfPresent(event.messageId().value(), (messageId, message) ->
                new MessageState(message.author(), message.visibility(), digest(event.content()), false));
    }

    @EventSourcingHandler
    void on(MessageDeleted event) {
        messages.computeIfPresent(event.messageId().value(), (messageId, message) ->
                new MessageState(message.author(), message.visibility(), message.contentDigest(), true));
    }

    @EventSourcingHandler
    void on(ChatReadByUser event) {
        userReadUpTo = event.upTo();
    }

    @EventSourcingHandler
    void on(ChatReadByAgent event) {
        agentReadUpTo.put(event.agentId().value(), event.upTo());
    }

    @EventSourcingHandler
    void on(ChatAssigned event) {
        assignedAgent = event.agentId();
        assignedTeam = event.teamId();
        queued = false;
        queuedTeam = null;
    }

    @EventSourcingHandler
    void on(ChatQueued event) {
        queued = true;
        queuedTeam = event.teamId() == null ? null : event.teamId().value();
    }

    @EventSourcingHandler
    void on(ChatUnassigned event) {
        assignedAgent = null;
        assignedTeam = null;
    }

    @EventSourcingHandler
    void on(ChatSnoozed event) {
        status = Status.SNOOZED;
        snoozedUntil = event.until();
    }

    @EventSourcingHandler
    void on(ChatClosed event) {
        status = Status.CLOSED;
        snoozedUntil = null;
        queued = false;
        queuedTeam = null;
    }

    @EventSourcingHandler
    void on(ChatReopened event) {
        status = Status.OPEN;
        snoozedUntil = null;
    }

    @EventSourcingHandler
    void on(ChatTagged event) {
        tags.add(event.tag());
    }

    @EventSourcingHandler
    void on(ChatUntagged event) {
        tags.remove(event.tag());
    }

    @EventSourcingHandler
    void on(ChatPriorityChanged event) {
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(ChatTransferred event) {
        userId = event.userId();
    }
}
