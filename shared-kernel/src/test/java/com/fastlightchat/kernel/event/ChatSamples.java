package com.fastlightchat.kernel.event;

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
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.kernel.id.UserId;

import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of chat events for {@link EventSamples}: one fully populated instance per type and version. */
final class ChatSamples {

    private ChatSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("chat.opened", 1), new ChatOpened(ORGANIZATION, CHAT, ENVIRONMENT, USER, Actor.user(USER.value())));
        samples.put(key("chat.message-posted", 1), new MessagePosted(ORGANIZATION, CHAT, USER, MESSAGE, CLIENT_MESSAGE,
                Actor.agent(AGENT.value()), ChatEvent.Visibility.PUBLIC,
                new MessageContent("Hi Jonas, here is the invoice you asked for.", List.of(
                        new MessageContent.Attachment(
                                "org_d943e7f049a340fa9ce6d0cb0effe0c1/ch_9faf070f060c46508ae2f156de276396/att_5b1e0c2f.pdf",
                                "invoice-2025-0142.pdf", "application/pdf", 248311L)))));
        Actor agent = Actor.agent(AGENT.value());
        samples.put(key("chat.message-edited", 1), new MessageEdited(ORGANIZATION, CHAT, USER, MESSAGE, agent,
                Visibility.INTERNAL, new MessageContent("Customer is on the premium plan, invoice attached.", List.of(
                        new MessageContent.Attachment(
                                "org_d943e7f049a340fa9ce6d0cb0effe0c1/ch_9faf070f060c46508ae2f156de276396/att_7c2d1e9a.pdf",
                                "contract-premium.pdf", "application/pdf", 102400L)))));
        samples.put(key("chat.message-deleted", 1), new MessageDeleted(ORGANIZATION, CHAT, USER, MESSAGE, agent,
                Visibility.PUBLIC));
        samples.put(key("chat.read-by-user", 1), new ChatReadByUser(ORGANIZATION, CHAT, USER, 7L));
        samples.put(key("chat.read-by-agent", 1), new ChatReadByAgent(ORGANIZATION, CHAT, USER, AGENT, 9L));
        samples.put(key("chat.assigned", 1), new ChatAssigned(ORGANIZATION, CHAT, USER, AGENT,
                "team_1b6f0c9e2d7a4e53b8f4a0c6d2e9f713", AssignmentReason.MANUAL, agent));
        samples.put(key("chat.unassigned", 1), new ChatUnassigned(ORGANIZATION, CHAT, USER, AGENT,
                "team_1b6f0c9e2d7a4e53b8f4a0c6d2e9f713", AssignmentReason.REQUEUED, Actor.system()));
        samples.put(key("chat.queued", 1), new ChatQueued(ORGANIZATION, CHAT, USER,
                new TeamId("team_1b6f0c9e2d7a4e53b8f4a0c6d2e9f713"), QueueReason.AGENT_UNAVAILABLE, Actor.system()));
        samples.put(key("chat.snoozed", 1), new ChatSnoozed(ORGANIZATION, CHAT, USER,
                Instant.parse("2025-04-23T08:00:00Z"), agent));
        samples.put(key("chat.closed", 1), new ChatClosed(ORGANIZATION, CHAT, USER, agent));
        samples.put(key("chat.reopened", 1), new ChatReopened(ORGANIZATION, CHAT, USER, ReopenReason.SNOOZE_ENDED,
                Actor.system()));
        samples.put(key("chat.tagged", 1), new ChatTagged(ORGANIZATION, CHAT, USER, "billing", agent));
        samples.put(key("chat.untagged", 1), new ChatUntagged(ORGANIZATION, CHAT, USER, "refund-2025", agent));
        samples.put(key("chat.priority-changed", 1), new ChatPriorityChanged(ORGANIZATION, CHAT, USER, Priority.URGENT,
                Priority.NORMAL, agent));
        samples.put(key("chat.transferred", 1), new ChatTransferred(ORGANIZATION, CHAT,
                new UserId("usr_2c7e5a1f9b0d4e8a86c3f7d1b5a9e024"), USER));
        return samples;
    }
}
