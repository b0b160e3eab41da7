package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatPriorityChanged;
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
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: the events of one chat as the command side would publish them, with gapless sequences from 1, one
 * event per {@code step} of time from {@code start}, and stable event ids (so a redelivery is the same event).
 */
public final class ChatStory {

    private final OrganizationId organization;
    private final EnvironmentId environment;
    private final ChatId chat;
    private final Instant start;
    private final Duration step;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, Visibility> visibilities = new HashMap<>();
    private UserId user;
    private Duration offset = Duration.ZERO;

    public ChatStory(OrganizationId organization, EnvironmentId environment, String chatId, UserId user,
                     Instant start, Duration step) {
        this.organization = organization;
        this.environment = environment;
        this.chat = new ChatId(chatId);
        this.user = user;
        this.start = start;
        this.step = step;
    }

    public String chatId() {
        return chat.value();
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    /** The sequence of the last event so far. */
    public long sequence() {
        return events.size();
    }

    /** When the last event so far happened. */
    public Instant lastAt() {
        return events.getLast().occurredAt();
    }

    /** Every later event happens {@code pause} later than it otherwise would (time passes in the story). */
    public ChatStory after(Duration pause) {
        offset = offset.plus(pause);
        return this;
    }

    public ChatStory opened() {
        return add(new ChatOpened(organization, chat, environment, user, Actor.user(user.value())));
    }

    public ChatStory userSays(String messageId, String text) {
        return posted(messageId, Actor.user(user.value()), Visibility.PUBLIC, text);
    }

    public ChatStory agentSays(String agentId, String messageId, String text) {
        return posted(messageId, Actor.agent(agentId), Visibility.PUBLIC, text);
    }

    public ChatStory botSays(String messageId, String text) {
        return posted(messageId, new Actor(Actor.Kind.BOT, "bot_1"), Visibility.PUBLIC, text);
    }

    public ChatStory note(String agentId, String messageId, String text) {
        return posted(messageId, Actor.agent(agentId), Visibility.INTERNAL, text);
    }

    public ChatStory posted(String messageId, Actor author, Visibility visibility, String text) {
        visibilities.put(messageId, visibility);
        return add(new MessagePosted(organization, chat, user, new MessageId(messageId),
                new ClientMessageId("cm_" + messageId), author, visibility, MessageContent.text(text)));
    }

    /** The end user sends a file, without text. */
    public ChatStory userSendsFile(String messageId, String fileName) {
        visibilities.put(messageId, Visibility.PUBLIC);
        return add(new MessagePosted(organization, chat, user, new MessageId(messageId),
                new ClientMessageId("cm_" + messageId), Actor.user(user.value()), Visibility.PUBLIC,
                new MessageContent("", List.of(new MessageContent.Attachment("uploads/" + messageId, fileName,
                        "application/pdf", 1234)))));
    }

    public ChatStory edited(String messageId, Actor by, String text) {
        return add(new MessageEdited(organization, chat, user, new MessageId(messageId), by,
                visibilities.get(messageId), MessageContent.text(text)));
    }

    public ChatStory deleted(String messageId, Actor by) {
        return add(new MessageDeleted(organization, chat, user, new MessageId(messageId), by,
                visibilities.get(messageId)));
    }

    public ChatStory readByUser(long upTo) {
        return add(new ChatReadByUser(organization, chat, user, upTo));
    }

    public ChatStory readByAgent(String agentId, long upTo) {
        return add(new ChatReadByAgent(organization, chat, user, new AgentId(agentId), upTo));
    }

    public ChatStory assigned(String agentId, String teamId) {
        return add(new ChatAssigned(organization, chat, user, agentId == null ? null : new AgentId(agentId), teamId,
                AssignmentReason.MANUAL, Actor.agent("ag_admin")));
    }

    public ChatStory unassigned(String previousAgentId) {
        return add(new ChatUnassigned(organization, chat, user, new AgentId(previousAgentId), null,
                AssignmentReason.MANUAL, Actor.agent("ag_admin")));
    }

    public ChatStory snoozed(Instant until) {
        return add(new ChatSnoozed(organization, chat, user, until, Actor.agent("ag_admin")));
    }

    public ChatStory closed() {
        return add(new ChatClosed(organization, chat, user, Actor.agent("ag_admin")));
    }

    public ChatStory reopened(ReopenReason reason) {
        return add(new ChatReopened(organization, chat, user, reason,
                reason == ReopenReason.SNOOZE_ENDED ? Actor.system() : Actor.agent("ag_admin")));
    }

    public ChatStory tagged(String tag) {
        return add(new ChatTagged(organization, chat, user, tag, Actor.agent("ag_admin")));
    }

    public ChatStory untagged(String tag) {
        return add(new ChatUntagged(organization, chat, user, tag, Actor.agent("ag_admin")));
    }

    public ChatStory priority(Priority priority, Priority previous) {
        return add(new ChatPriorityChanged(organization, chat, user, priority, previous, Actor.agent("ag_admin")));
    }

    public ChatStory transferred(UserId to) {
        UserId previous = user;
        user = to;
        return add(new ChatTransferred(organization, chat, to, previous));
    }

    private ChatStory add(ChatEvent event) {
        long sequence = events.size() + 1;
        events.add(EventEnvelope.of(chat.value() + "-" + sequence, sequence, start.plus(step.multipliedBy(sequence)).plus(offset),
                null, null, event));
        return this;
    }

    /** The envelope as a Kafka record of the chat-events topic, as a projector receives it. */
    public static ConsumerRecord<String, byte[]> record(EventEnvelope envelope) {
        return new ConsumerRecord<>("chat-events", 0, envelope.sequence(), envelope.aggregateId(),
                EventCodec.encode(envelope));
    }
}
