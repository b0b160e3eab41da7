package com.fastlightchat.edge.sdk;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The events pushed to SDK sockets: which kernel events an end user may see, in which room, and in what shape.
 * This is a public contract of the widget; {@link #VERSION} goes up on any change a client could notice.
 *
 * <p>Every event is emitted on namespace {@code /sdk} under the name {@value #EVENT_NAME} with one JSON object:
 * <pre>
 * {
 *   "v": 1,                          format version ({@link #VERSION})
 *   "type": "message.posted",        what happened, see below
 *   "eventId": "…",                  unique per event: a client drops one it has already seen
 *   "chatId": "ch_…",
 *   "sequence": 7,                   the event's position in its chat; increases, but skips events
 *                                    end users do not see (internal notes), so it orders, it does not count
 *   "occurredAt": "2025-01-01T10:00:00Z",  ISO-8601 instant, UTC
 *   …type-specific fields
 * }
 * </pre>
 * Types:
 * <ul>
 *   <li>{@value #MESSAGE_POSTED}, to room {@code chat:<chatId>}, only for {@code PUBLIC} messages (internal notes
 *   never leave the agents' side):
 *   <pre>
 *   "message": {
 *     "messageId": "msg_…",
 *     "clientMessageId": "…",         the sender's idempotency key: the sending widget matches its pending message
 *     "author": { "kind": "user" | "agent" | "bot" | "system", "id": "…" },
 *     "text": "…",
 *     "attachments": [ { "key": "…", "fileName": "…", "contentType": "…", "size": 123 } ]
 *   }</pre></li>
 *   <li>{@value #CHAT_OPENED}, to room {@code user:<userId>} (every socket of the chat's user, so that all their
 *   tabs learn about the new chat): {@code "openedBy": { "kind": …, "id": … }}</li>
 * </ul>
 * A field without a value is left out, never {@code null} (here: {@code clientMessageId}, {@code text}). Values
 * are only strings, numbers, lists and maps, so the Socket.IO server's own JSON mapper (Jackson 2, which drops
 * null values) writes them exactly as documented.
 */
public final class ClientEvents {

    /** Version of the format above. */
    public static final int VERSION = 1;
    /** The Socket.IO event name every client event is emitted under. */
    public static final String EVENT_NAME = "chat.event";
    public static final String MESSAGE_POSTED = "message.posted";
    public static final String CHAT_OPENED = "chat.opened";

    /**
     * One client event and the room it goes to.
     *
     * @param room the {@code /sdk} room, see {@link Rooms}
     * @param body the JSON object, as documented on {@link ClientEvents}
     */
    public record Delivery(String room, Map<String, Object> body) {
    }

    private ClientEvents() {
    }

    /** The client event for a kernel event, or empty when end users must not (or need not) see it. */
    public static Optional<Delivery> of(EventEnvelope envelope) {
        return switch (envelope.payload()) {
            case MessagePosted posted when posted.visibility() == Visibility.PUBLIC ->
                    Optional.of(new Delivery(Rooms.chat(posted.chatId().value()), messagePosted(envelope, posted)));
            case ChatOpened opened ->
                    Optional.of(new Delivery(Rooms.user(opened.userId().value()), chatOpened(envelope, opened)));
            default -> Optional.empty();
        };
    }

    private static Map<String, Object> messagePosted(EventEnvelope envelope, MessagePosted posted) {
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
        body.put("message", Collections.unmodifiableMap(message));
        return Collections.unmodifiableMap(body);
    }

    private static Map<String, Object> chatOpened(EventEnvelope envelope, ChatOpened opened) {
        Map<String, Object> body = header(envelope, CHAT_OPENED, opened.chatId().value());
        body.put("openedBy", actor(opened.openedBy()));
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

    private static Map<String, Object> actor(Actor actor) {
        if (actor == null) {
            return null;
        }
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
