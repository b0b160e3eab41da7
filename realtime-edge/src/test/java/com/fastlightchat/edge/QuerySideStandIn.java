package com.fastlightchat.edge;

import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Stands in for the query side's HTTP API {@code GET /v1/sdk/environment} (200 for the known plugin key with the
 * environment of the user token it is sent with and the {@link #allowOrigins allowed origins}, 401 otherwise),
 * {@code GET /v1/sdk/chats/{chatId}} and
 * {@code GET /v1/sdk/chats/{chatId}/messages?after=N&limit=M}: 200 when the plugin key is the known one and the
 * user token's user owns the chat, 404 otherwise (401 without valid credentials), like the real one. Messages are
 * what the test {@link #project projects}: public ones are served, internal notes only count for
 * {@code lastSequence}, as on the real query side.
 */
final class QuerySideStandIn implements AutoCloseable {

    private final HttpServer server;
    private final String pluginKey;
    private final AccessTokens tokens;
    private final Map<String, String> chatOwners = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger environmentCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> messageCalls = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, String>> publicMessages = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequences = new ConcurrentHashMap<>();
    private volatile List<String> allowedOrigins = List.of();
    /** Plugin keys of one environment each, besides the known key (which opens any environment). */
    private final Map<String, String> environmentKeys = new ConcurrentHashMap<>();

    QuerySideStandIn(String pluginKey, AccessTokens tokens) {
        this.pluginKey = pluginKey;
        this.tokens = tokens;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/sdk/chats/", this::handle);
        server.createContext("/v1/sdk/environment", this::environment);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Another plugin key, which opens only {@code environmentId}. */
    void environmentKey(String pluginKey, String environmentId) {
        environmentKeys.put(pluginKey, environmentId);
    }

    /** Whether {@code key} opens the environment a token was issued for. */
    private boolean opens(String key, TokenClaims claims) {
        return pluginKey.equals(key) || (key != null && claims.environmentId() != null
                && claims.environmentId().equals(environmentKeys.get(key)));
    }

    /** The allowed origins of the known key's environment from now on (empty: any site). */
    void allowOrigins(List<String> origins) {
        this.allowedOrigins = List.copyOf(origins);
    }

    void chatOf(String userId, String chatId) {
        chatOwners.put(chatId, userId);
    }

    /** Records a chat event as the query side's projection would: a public message as served JSON. */
    void project(EventEnvelope envelope) {
        String chatId = envelope.aggregateId();
        lastSequences.merge(chatId, envelope.sequence(), Math::max);
        if (envelope.payload() instanceof MessagePosted posted && posted.visibility() == Visibility.PUBLIC) {
            String json = "{\"messageId\":\"" + posted.messageId().value() + "\",\"chatId\":\"" + chatId
                    + "\",\"sequence\":" + envelope.sequence() + ",\"clientMessageId\":\""
                    + posted.clientMessageId().value() + "\",\"author\":{\"kind\":\""
                    + posted.author().kind().name().toLowerCase(Locale.ROOT) + "\",\"id\":\"" + posted.author().id()
                    + "\"},\"visibility\":\"public\",\"text\":\"" + posted.content().text()
                    + "\",\"attachments\":[],\"createdAt\":\"" + envelope.occurredAt() + "\"}";
            publicMessages.computeIfAbsent(chatId, id -> new ConcurrentSkipListMap<>()).put(envelope.sequence(), json);
        }
    }

    /** How often the edge asked for a chat's messages. */
    int messageCalls(String chatId) {
        AtomicInteger count = messageCalls.get(chatId);
        return count == null ? 0 : count.get();
    }

    /** How often the edge asked about a chat. */
    int calls(String chatId) {
        AtomicInteger count = calls.get(chatId);
        return count == null ? 0 : count.get();
    }

    /** How often the edge asked which environment a plugin key opens. */
    int environmentCalls() {
        return environmentCalls.get();
    }

    private void environment(HttpExchange exchange) throws IOException {
        try (exchange) {
            environmentCalls.incrementAndGet();
            TokenClaims claims;
            try {
                claims = tokens.verify(exchange.getRequestHeaders().getFirst("X-User-Token"), TokenClaims.Kind.USER);
            } catch (InvalidTokenException e) {
                claims = null;
            }
            if (claims == null || !opens(exchange.getRequestHeaders().getFirst("X-Plugin-Key"), claims)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = ("{\"organizationId\":\"" + claims.organizationId() + "\",\"environmentId\":\""
                    + claims.environmentId() + "\",\"allowedOrigins\":[" + allowedOrigins.stream()
                    .map(origin -> "\"" + origin + "\"").collect(Collectors.joining(",")) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v1/sdk/chats/".length());
            boolean messages = path.endsWith("/messages");
            String chatId = messages ? path.substring(0, path.length() - "/messages".length()) : path;
            (messages ? messageCalls : calls).computeIfAbsent(chatId, id -> new AtomicInteger()).incrementAndGet();
            TokenClaims claims;
            try {
                claims = tokens.verify(exchange.getRequestHeaders().getFirst("X-User-Token"), TokenClaims.Kind.USER);
            } catch (InvalidTokenException e) {
                claims = null;
            }
            String userId = claims == null ? null : claims.subject();
            if (claims == null || !opens(exchange.getRequestHeaders().getFirst("X-Plugin-Key"), claims)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !userId.equals(chatOwners.get(chatId))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = (messages ? messagePage(chatId, exchange.getRequestURI().getQuery())
                    : "{\"chatId\":\"" + chatId + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String messagePage(String chatId, String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        long after = Long.parseLong(params.getOrDefault("after", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "50"));
        String page = publicMessages.getOrDefault(chatId, new ConcurrentSkipListMap<>()).tailMap(after, false)
                .values().stream().limit(limit).collect(Collectors.joining(","));
        return "{\"chatId\":\"" + chatId + "\",\"messages\":[" + page + "],\"lastSequence\":"
                + lastSequences.getOrDefault(chatId, 0L) + "}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
