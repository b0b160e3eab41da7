package com.fastlightchat.edge.sdk.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the query side {@code GET /v1/sdk/environment} with the key as {@code X-Plugin-Key}: 200 is known, 401
 * unknown; anything else, or no answer in time, is unavailable.
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
    public Verdict check(String pluginKey) {
        HttpRequest request = HttpRequest.newBuilder(environmentUrl)
                .timeout(timeout)
                .header(QuerySideChatAccess.PLUGIN_KEY_HEADER, pluginKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return switch (status) {
                case 200 -> Verdict.KNOWN;
                case 401 -> Verdict.UNKNOWN;
                default -> {
                    log.warn("query side answered {} for a plugin key", status);
                    yield Verdict.UNAVAILABLE;
                }
            };
        } catch (IOException e) {
            log.warn("query side did not answer for a plugin key: {}", e.toString());
            return Verdict.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.UNAVAILABLE;
        }
    }
}
