package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.edge.sdk.SdkSession;
import com.fastlightchat.kernel.id.ChatId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the query side {@code GET /v1/sdk/chats/{chatId}} with the session's {@code X-Plugin-Key} and
 * {@code X-User-Token}: the query side authenticates both together and answers 200 only for the user's own chat
 * in that environment. 200 allows; 401, 403 and 404 deny; anything else, or no answer in time, is unavailable.
 */
public final class QuerySideChatAccess implements ChatAccess {

    public static final String PLUGIN_KEY_HEADER = "X-Plugin-Key";
    public static final String USER_TOKEN_HEADER = "X-User-Token";

    private static final Logger log = LoggerFactory.getLogger(QuerySideChatAccess.class);

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;

    public QuerySideChatAccess(HttpClient http, URI baseUrl, Duration timeout) {
        this.http = http;
        this.baseUrl = directory(baseUrl);
        this.timeout = timeout;
    }

    /** The base URL with a trailing slash, so that relative paths resolve below it. */
    static URI directory(URI baseUrl) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    @Override
    public Verdict check(SdkSession session, ChatId chatId) {
        // ChatId only admits [A-Za-z0-9_-], so it is safe as a path segment as is.
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("v1/sdk/chats/" + chatId.value()))
                .timeout(timeout)
                .header(PLUGIN_KEY_HEADER, session.pluginKey())
                .header(USER_TOKEN_HEADER, session.userToken())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return switch (status) {
                case 200 -> Verdict.ALLOWED;
                case 401, 403, 404 -> Verdict.DENIED;
                default -> {
                    log.warn("query side answered {} for chat {}", status, chatId);
                    yield Verdict.UNAVAILABLE;
                }
            };
        } catch (IOException e) {
            log.warn("query side did not answer for chat {}: {}", chatId, e.toString());
            return Verdict.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.UNAVAILABLE;
        }
    }
}
