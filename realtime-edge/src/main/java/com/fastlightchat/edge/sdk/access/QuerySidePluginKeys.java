package com.fastlightchat.edge.sdk.access;

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
import java.util.List;

/**
 * Asks the query side {@code GET /v1/sdk/environment} with the key as {@code X-Plugin-Key} and the token as
 * {@code X-User-Token}: 200 is known (with the environment's {@code allowedOrigins}), 401 unknown (no such key, or the
 * token is not of its environment); anything else, or no answer in time, is unavailable.
 */
public final class QuerySidePluginKeys implements PluginKeys {

    private static final Logger log = LoggerFactory.getLogger(QuerySidePluginKeys.class);

    private final HttpClient http;
    private final URI environmentUrl;
    private final Duration timeout;

    public QuerySidePluginKeys(HttpClient http, URI baseUrl, Duration timeout) {
        this.http = http;
        this.environmentUrl = QuerySideChatAccess.directory(baseUrl).resolve("v1/sdk/environment");
        this.timeout = timeout;
    }

    @Override
    public Answer check(String pluginKey, String userToken, String environmentId) {
        HttpRequest request = HttpRequest.newBuilder(environmentUrl)
                .timeout(timeout)
                .header(QuerySideChatAccess.PLUGIN_KEY_HEADER, pluginKey)
                .header(QuerySideChatAccess.USER_TOKEN_HEADER, userToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> Answer.known(allowedOrigins(response.body()));
                case 401 -> Answer.UNKNOWN;
                default -> {
                    log.warn("query side answered {} for a plugin key", response.statusCode());
                    yield Answer.UNAVAILABLE;
                }
            };
        } catch (IOException | JacksonException e) {
            log.warn("query side did not answer for a plugin key: {}", e.toString());
            return Answer.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNAVAILABLE;
        }
    }

    private static List<String> allowedOrigins(String body) {
        List<String> origins = new ArrayList<>();
        JsonNode answer = KernelJson.mapper().readTree(body);
        answer.path("allowedOrigins").forEach(origin -> origins.add(origin.asString()));
        return origins;
    }
}
