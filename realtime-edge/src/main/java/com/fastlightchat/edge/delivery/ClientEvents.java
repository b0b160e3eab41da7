package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.stream.StreamedEvent;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessageEdited;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events pushed to sockets: what an end user or an agent sees of each chat event, in what shape. This is a
 * public contract of the widget and the dashboard, documented in {@code realtime-edge/PROTOCOL.md};
 * {@link #VERSION} goes up on any change a client could notice.
 *
 * <p>Every event is emitted under the Socket.IO event name {@value #EVENT_NAME} as one JSON object with {@code v}
 * (the version), {@code type} and {@code chatId}. Events of the chat's stream also carry {@code sequence}, the
 * chat's own 1-based, gapless counter: an end user gets every sequence, those they must not see (internal notes,
 * event types this edge does not render) as a content-free {@value #HIDDEN} placeholder, so a client can tell a
 * gap from a filtered event. Signals ({@value #TYPING}, {@value #PRESENCE}, {@value #RESYNC_REQUIRED}) carry no
 * sequence.
 *
 * <p>A field without a value is left out, never {@code null}. Values are only strings, numbers, booleans, lists
 * and maps, so the Socket.IO server's own JSON mapper (Jackson 2) writes them exactly as documented.
 */
public final class ClientEvents {

    /** Version of the format. */
    public static final int VERSION = 1;
    /** The Socket.IO event name every client event is emitted under. */
    public static final String EVENT_NAME = "chat.event";
    public static final String MESSAGE_POSTED = "message.posted";
    public static final String CHAT_OPENED = "chat.opened";
    public static final String HIDDEN = "hidden";
    public static final String RESYNC_REQUIRED = "resync.required";
    public static final String TYPING = "typing";
    public static final String PRESENCE = "presence";
    public static final String AGENT_PRESENCE = "agent.presence";
    public static final String TEAM_AVAILABILITY = "team.availability";
    public static final String RATE_LIMITED = "rate.limited";

    /** Who looks at the chat: end users see public facts only; agents see everything, with its visibility. */
    public enum Audience { USER, AGENT }

    private ClientEvents() {
    }

    /** What {@code audience} sees of one event of a chat's stream: the event, or a {@value #HIDDEN} placeholder. */
    private static final tools.jackson.databind.json.JsonMapper FACTS = KernelJson.mapper();
    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> FACT_SHAPE = new tools.jackson.core.type.TypeReference<>() {
    };

    public static Map<String, Object> render(StreamedEvent event, Audience audience) {
        EventEnvelope envelope = event.envelope();
        if (envelope == null) {
            return hidden(event.chatId(), event.sequence());
        }
        return switch (envelope.payload()) {
            case MessagePosted posted when audience == Audience.AGENT -> messagePosted(envelope, posted, true);
            case MessagePosted posted when posted.visibility() == Visibility.PUBLIC ->
                    messagePosted(envelope, posted, false);
            case ChatOpened opened -> chatOpened(envelope, opened);
            case ChatEvent other when audience == Audience.AGENT || visibleToUser(other) ->
                    chatFact(envelope, other, audience);
            default -> hidden(event.chatId(), event.sequence());
        };
    }

    /**
     * What an end user may see of the chat's other facts: edits and deletions of public messages, read receipts,
     * who answers (assignment to an agent), and the chat closing, reopening or moving to them. Routing, tags,
     * priority, snoozes and anything about internal notes stay with the agents.
     */
    static boolean visibleToUser(ChatEvent event) {
        return switch (event) {
            case MessageEdited edited -> edited.visibility() == Visibility.PUBLIC;
            case MessageDeleted deleted -> deleted.visibility() == Visibility.PUBLIC;
            case ChatReadByAgent ignored -> true;
            case ChatReadByUser ignored -> true;
            case ChatAssigned assigned -> assigned.agentId() != null;
            case ChatClosed ignored -> true;
            case ChatReopened ignored -> true;
            case ChatTransferred ignored -> true;
            default -> false;
        };
    }

    /**
     * Any other chat event: its published name as {@code type} (e.g. {@code chat.closed}) and its fields (ids as
     * strings, times as ISO-8601) under {@code data}. End users get only who answers of an assignment.
     */
    private static Map<String, Object> chatFact(EventEnvelope envelope, ChatEvent event, Audience audience) {
        Map<String, Object> body = header(envelope, envelope.type(), event.chatId().value());
        Map<String, Object> data = new LinkedHashMap<>(FACTS.convertValue(event, FACT_SHAPE));
        data.remove("organizationId");
        data.remove("chatId");
        if (audience == Audience.USER && event instanceof ChatAssigned assigned) {
            data = new LinkedHashMap<>(Map.of("agentId", assigned.agentId().value()));
        }
        data.values().removeIf(java.util.Objects::isNull);
        body.put("data", Collections.unmodifiableMap(data));
        return Collections.unmodifiableMap(body);
    }

    /** The placeholder for a sequence the client must not (or cannot) see. */
    public static Map<String, Object> hidden(String chatId, long sequence) {
        return signal(HIDDEN, "chatId", chatId, "sequence", sequence);
    }

    /** Tells a client that fell behind that live events of the chat stopped: it must fetch to continue. */
    public static Map<String, Object> resyncRequired(String chatId) {
        return signal(RESYNC_REQUIRED, "chatId", chatId);
    }

    public static Map<String, Object> typing(String chatId, Actor actor, boolean typing) {
        return signal(TYPING, "chatId", chatId, "actor", actor(actor), "typing", typing);
    }

    public static Map<String, Object> presence(String userId, String status) {
        return signal(PRESENCE, "userId", userId, "status", status);
    }

    /** An agent's presence changed ({@code online}, {@code away} or {@code offline}); for the dashboard. */
    public static Map<String, Object> agentPresence(String agentId, String presence) {
        return signal(AGENT_PRESENCE, "agentId", agentId, "presence", presence);
    }

    /** The socket sends events faster than allowed: they are refused for {@code retryAfterMs}. */
    public static Map<String, Object> rateLimited(long retryAfterMs) {
        return signal(RATE_LIMITED, "retryAfterMs", retryAfterMs);
    }

    /** Whether any agent of the organization is online; for the widget. */
    public static Map<String, Object> teamAvailability(boolean online) {
        return signal(TEAM_AVAILABILITY, "online", online);
    }

    /**
     * A {@value #MESSAGE_POSTED} event rebuilt from a message the query side served (catch-up without the recent
     * window); it has no {@code eventId}, the sequence identifies it.
     */
    public static Map<String, Object> messagePosted(String chatId, long sequence, String occurredAt,
                                                    Map<String, Object> message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("v", VERSION);
        body.put("type", MESSAGE_POSTED);
        body.put("chatId", chatId);
        body.put("sequence", sequence);
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt);
        }
        body.put("message", Collections.unmodifiableMap(message));
        return Collections.unmodifiableMap(body);
    }

    /** The sequence of a stream event's body, or 0 for a signal. */
    public static long sequenceOf(Map<String, Object> body) {
        return body.get("sequence") instanceof Number number ? number.longValue() : 0;
    }

    private static Map<String, Object> messagePosted(EventEnvelope envelope, MessagePosted posted,
                                                     boolean withVisibility) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", posted.messageId().value());
        if (posted.clientMessageId() != null) {
            message.put("clientMessageId", posted.clientMessageId().value());
        }
        message.put("author", actor(posted.author()));
        MessageContent content = posted.content();
        if (content != null && content.text() != null) {
            message.put("text", content.text());
        }
        message.put("attachments", content == null ? List.of() : content.attachments().stream()
                .map(ClientEvents::attachment).toList());
        Map<String, Object> body = header(envelope, MESSAGE_POSTED, posted.chatId().value());
        if (withVisibility) {
            body.put("visibility", posted.visibility().name().toLowerCase(Locale.ROOT));
        }
        body.put("message", Collections.unmodifiableMap(message));
        return Collections.unmodifiableMap(body);
    }

    private static Map<String, Object> chatOpened(EventEnvelope envelope, ChatOpened opened) {
        Map<String, Object> body = header(envelope, CHAT_OPENED, opened.chatId().value());
        body.put("openedBy", actor(opened.openedBy()));
        return Collections.unmodifiableMap(body);
    }

    /** {@code {v, type, name1: value1, …}} in that order, for the small signals (placeholders, typing, presence). */
    public static Map<String, Object> signal(String type, Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("v", VERSION);
        body.put("type", type);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(body);
    }

    private static Map<String, Object> header(EventEnvelope envelope, String type, String chatId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("v", VERSION);
        body.put("type", type);
        body.put("eventId", envelope.eventId());
        body.put("chatId", chatId);
        body.put("sequence", envelope.sequence());
        body.put("occurredAt", envelope.occurredAt().toString());
        return body;
    }

    static Map<String, Object> actor(Actor actor) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", actor.kind().name().toLowerCase(Locale.ROOT));
        map.put("id", actor.id());
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Object> attachment(MessageContent.Attachment attachment) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", attachment.key());
        map.put("fileName", attachment.fileName());
        map.put("contentType", attachment.contentType());
        map.put("size", attachment.size());
        return Collections.unmodifiableMap(map);
    }
}
