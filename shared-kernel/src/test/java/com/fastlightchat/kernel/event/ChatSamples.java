package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;

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
        return samples;
    }
}
