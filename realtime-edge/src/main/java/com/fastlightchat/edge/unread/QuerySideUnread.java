package com.fastlightchat.edge.unread;

import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a badge from the query side with a caller's own credentials: {@code GET /v1/sdk/chats/{chatId}/unread}
 * (plugin key + user token) for an end user, {@code GET /v1/chats/{chatId}/unread} (bearer token) for agents —
 * both waiting (bounded) for the inbox row to reach the asked sequence.
 */
public final class QuerySideUnread {

    private static final Logger log = LoggerFactory.getLogger(QuerySideUnread.class);
    /** How long the query side may wait for its read model to catch up, within {@link #timeout}. */
    private static final long AWAIT_MILLIS = 1_500;

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;

    public QuerySideUnread(HttpClient http, URI baseUrl, Duration timeout) {
        String base = baseUrl.toString();
        this.http = http;
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.timeout = timeout.plusMillis(AWAIT_MILLIS);
    }

    /** An end user's badges, with the credentials of their socket. */
    public UnreadSource forUser(String pluginKey, String userToken) {
        return (chatId, reader, await) -> reader != Reader.USER ? Optional.empty()
                : read("v1/sdk/chats/" + chatId + "/unread", await,
                        Map.of("X-Plugin-Key", pluginKey, "X-User-Token", userToken));
    }

    /** The agents' badges, with an agent's access token. */
    public UnreadSource forAgent(String accessToken) {
        return (chatId, reader, await) -> reader != Reader.AGENTS ? Optional.empty()
                : read("v1/chats/" + chatId + "/unread", await, Map.of("Authorization", "Bearer " + accessToken));
    }

    private Optional<UnreadState> read(String path, long awaitSequence, Map<String, String> credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path + "?awaitSequence="
                        + Math.max(0, awaitSequence) + "&awaitMillis=" + AWAIT_MILLIS))
                .timeout(timeout).header("Accept", "application/json").GET();
        credentials.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.debug("query side answered {} for {}", response.statusCode(), path);
                return Optional.empty();
            }
            return Optional.of(parse(KernelJson.mapper().readTree(response.body())));
        } catch (IOException | JacksonException e) {
            log.warn("no unread badge from the query side for {}: {}", path, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static UnreadState parse(JsonNode body) {
        List<UnreadMessages.Unread> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            messages.add(new UnreadMessages.Unread(message.path("sequence").asLong(),
                    message.path("messageId").asString()));
        }
        return new UnreadState(body.path("lastSequence").asLong(),
                new UnreadMessages(body.path("readUpTo").asLong(), messages));
    }
}
