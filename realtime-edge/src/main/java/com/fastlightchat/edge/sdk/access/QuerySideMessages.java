package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.edge.delivery.CatchUp;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.sdk.SdkSession;
import com.fastlightchat.kernel.envelope.KernelJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The end user's catch-up source of last resort: the query side's
 * {@code GET /v1/sdk/chats/{chatId}/messages?after=N&limit=M} with the session's credentials, page after page
 * (at most {@code limit} events in all). It serves public messages only, with the chat's {@code lastSequence}; every
 * sequence it skips (internal notes, other facts) becomes a {@value ClientEvents#HIDDEN} placeholder, so the
 * result is gapless up to {@code lastSequence} (or {@code until}).
 */
public final class QuerySideMessages {

    private static final Logger log = LoggerFactory.getLogger(QuerySideMessages.class);
    /** The query side's largest page. */
    static final int PAGE = 200;

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;
    private final int limit;

    public QuerySideMessages(HttpClient http, URI baseUrl, Duration timeout, int limit) {
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.timeout = timeout;
        this.limit = limit;
    }

    /** The fallback for one session. */
    public CatchUp.Fallback forSession(SdkSession session) {
        return (chatId, after, until) -> events(session, chatId, after, until);
    }

    Optional<List<Map<String, Object>>> events(SdkSession session, String chatId, long after, long until) {
        TreeMap<Long, Map<String, Object>> messages = new TreeMap<>();
        long cursor = after;
        long end = until;
        while (messages.size() < limit) {
            Optional<JsonNode> page = page(session, chatId, cursor);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            end = Math.min(until, page.get().path("lastSequence").asLong(0));
            long highest = cursor;
            for (JsonNode message : page.get().path("messages")) {
                long sequence = message.path("sequence").asLong(0);
                if (sequence > cursor && sequence <= end) {
                    messages.put(sequence, messagePosted(chatId, message));
                }
                highest = Math.max(highest, sequence);
            }
            if (page.get().path("messages").size() < PAGE || highest >= end) {
                break;
            }
            cursor = highest;
        }
        long last = Math.min(end, after + limit);
        List<Map<String, Object>> events = new ArrayList<>();
        for (long sequence = after + 1; sequence <= last; sequence++) {
            Map<String, Object> message = messages.get(sequence);
            events.add(message != null ? message : ClientEvents.hidden(chatId, sequence));
        }
        return Optional.of(events);
    }

    private Optional<JsonNode> page(SdkSession session, String chatId, long after) {
        // ChatId only admits [A-Za-z0-9_-], so it is safe as a path segment as is.
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("v1/sdk/chats/" + chatId + "/messages?after="
                        + after + "&limit=" + PAGE))
                .timeout(timeout)
                .header(QuerySideChatAccess.PLUGIN_KEY_HEADER, session.pluginKey())
                .header(QuerySideChatAccess.USER_TOKEN_HEADER, session.userToken())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("query side answered {} for messages of chat {}", response.statusCode(), chatId);
                return Optional.empty();
            }
            return Optional.of(KernelJson.mapper().readTree(response.body()));
        } catch (IOException | JacksonException e) {
            log.warn("query side gave no messages for chat {}: {}", chatId, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Map<String, Object> messagePosted(String chatId, JsonNode message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.path("messageId").asString(""));
        String clientMessageId = message.path("clientMessageId").asString(null);
        if (clientMessageId != null) {
            body.put("clientMessageId", clientMessageId);
        }
        body.put("author", Map.of("kind", message.path("author").path("kind").asString(""),
                "id", message.path("author").path("id").asString("")));
        String text = message.path("text").asString(null);
        if (text != null) {
            body.put("text", text);
        }
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", attachment.path("key").asString(""));
            map.put("fileName", attachment.path("fileName").asString(""));
            map.put("contentType", attachment.path("contentType").asString(""));
            map.put("size", attachment.path("size").asLong(0));
            attachments.add(map);
        }
        body.put("attachments", attachments);
        return ClientEvents.messagePosted(chatId, message.path("sequence").asLong(),
                message.path("createdAt").asString(null), body);
    }
}
