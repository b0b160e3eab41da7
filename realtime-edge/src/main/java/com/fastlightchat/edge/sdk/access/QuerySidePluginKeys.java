package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.id.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Asks the query side {@code GET /v1/sdk/environment} with the key as {@code X-Plugin-Key}: 200 is known (with
 * the environment it names and that environment's {@code allowedOrigins}), 401 unknown; anything else, or no answer in
 * time, is unavailable.
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
    public Answer check(String pluginKey) {
        HttpRequest request = HttpRequest.newBuilder(environmentUrl)
                .timeout(timeout)
                .header(QuerySideChatAccess.PLUGIN_KEY_HEADER, pluginKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> environmentOf(response.body());
                case 401 -> Answer.UNKNOWN;
                default -> {
                    log.warn("query side answered {} for a plugin key", response.statusCode());
                    yield Answer.UNAVAILABLE;
                }
            };
        } catch (IOException e) {
            log.warn("query side did not answer for a plugin key: {}", e.toString());
            return Answer.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNAVAILABLE;
        }
    }

    private static Answer environmentOf(String body) {
        try {
            JsonNode answer = KernelJson.mapper().readTree(body);
            String environmentId = answer.path("environmentId").asString(null);
            if (environmentId != null && Ids.FORMAT.matcher(environmentId).matches()) {
                List<String> origins = new ArrayList<>();
                answer.path("allowedOrigins").forEach(origin -> origins.add(origin.asString()));
                return Answer.known(environmentId, origins);
            }
        } catch (JacksonException e) {
            // falls through
        }
        log.warn("query side answered a plugin key without a valid environment");
        return Answer.UNAVAILABLE;
    }
}
