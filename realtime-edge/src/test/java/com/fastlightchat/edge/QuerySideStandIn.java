package com.fastlightchat.edge;

import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
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
 * Stands in for the query side's HTTP API {@code GET /v1/sdk/environment} (200 for the known plugin key, 401
 * otherwise), {@code GET /v1/sdk/chats/{chatId}} and
 * {@code GET /v1/sdk/chats/{chatId}/messages?after=N&limit=M}: 200 when the plugin key is the known one and the
 * user token's user owns the chat, 404 otherwise (401 without valid credentials), like the real one. Messages are
 * what the test {@link #project projects}: public ones are served, internal notes only count for
 * {@code lastSequence}, as on the real query side.
 */
final class QuerySideStandIn implements AutoCloseable {

    private final HttpServer server;
    private final String pluginKey;
    private final String environmentId;
    private final AccessTokens tokens;
    private final Map<String, String> chatOwners = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger environmentCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> messageCalls = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, String>> publicMessages = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequences = new ConcurrentHashMap<>();
    private volatile List<String> allowedOrigins = List.of();
    /** Further plugin keys, each of another environment. */
    private final Map<String, String> otherKeys = new ConcurrentHashMap<>();
    private final Map<String, String> chatOrganizations = new ConcurrentHashMap<>();
    private final Map<String, UnreadMessages> unread = new ConcurrentHashMap<>();
    private final AtomicInteger unreadCalls = new AtomicInteger();

    QuerySideStandIn(String pluginKey, String environmentId, AccessTokens tokens) {
        this.pluginKey = pluginKey;
        this.environmentId = environmentId;
        this.tokens = tokens;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/sdk/chats/", this::handle);
        server.createContext("/v1/sdk/environment", this::environment);
        server.createContext("/v1/chats/", this::agentUnread);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void chatOf(String userId, String chatId) {
        chatOwners.put(chatId, userId);
    }

    /** Records a chat event as the query side's projection would: a public message as served JSON. */
    void project(EventEnvelope envelope) {
        String chatId = envelope.aggregateId();
        lastSequences.merge(chatId, envelope.sequence(), Math::max);
        chatOrganizations.put(chatId, envelope.organizationId());
        if (envelope.payload() instanceof ChatEvent event) {
            for (Reader reader : Reader.values()) {
                unread.merge(chatId + ":" + reader, UnreadMessages.NONE.apply(reader, envelope.sequence(), event),
                        (held, ignored) -> held.apply(reader, envelope.sequence(), event));
            }
        }
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

    /** The inbox's badge of a chat's reader, as the query side computes it. */
    int unreadCount(String chatId, Reader reader) {
        return unread.getOrDefault(chatId + ":" + reader, UnreadMessages.NONE).count();
    }

    /** How often the edge read a badge. */
    int unreadCalls() {
        return unreadCalls.get();
    }

    /** The allowed origins of the key's environment from now on (empty: any site). */
    void allowOrigins(List<String> origins) {
        this.allowedOrigins = List.copyOf(origins);
    }

    /** Another plugin key, which opens {@code environment}. */
    void otherKey(String key, String environment) {
        otherKeys.put(key, environment);
    }

    /** The environment a plugin key opens, or null. */
    private String environmentOf(String key) {
        return pluginKey.equals(key) ? environmentId : key == null ? null : otherKeys.get(key);
    }

    /** How often the edge asked which environment a plugin key opens. */
    int environmentCalls() {
        return environmentCalls.get();
    }

    private void environment(HttpExchange exchange) throws IOException {
        try (exchange) {
            environmentCalls.incrementAndGet();
            String environment = environmentOf(exchange.getRequestHeaders().getFirst("X-Plugin-Key"));
            if (environment == null) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String origins = environment.equals(environmentId) ? allowedOrigins.stream()
                    .map(origin -> "\"" + origin + "\"").collect(Collectors.joining(",")) : "";
            byte[] body = ("{\"organizationId\":\"org_stand_in\",\"environmentId\":\"" + environment
                    + "\",\"allowedOrigins\":[" + origins + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v1/sdk/chats/".length());
            boolean badge = path.endsWith("/unread");
            if (badge) {
                path = path.substring(0, path.length() - "/unread".length());
            }
            boolean messages = path.endsWith("/messages");
            String chatId = messages ? path.substring(0, path.length() - "/messages".length()) : path;
            if (!badge) {
                (messages ? messageCalls : calls).computeIfAbsent(chatId, id -> new AtomicInteger()).incrementAndGet();
            }
            String userId;
            try {
                userId = tokens.verify(exchange.getRequestHeaders().getFirst("X-User-Token"), TokenClaims.Kind.USER)
                        .subject();
            } catch (InvalidTokenException e) {
                userId = null;
            }
            if (userId == null || environmentOf(exchange.getRequestHeaders().getFirst("X-Plugin-Key")) == null) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !userId.equals(chatOwners.get(chatId))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = (badge ? badge(chatId, Reader.USER)
                    : messages ? messagePage(chatId, exchange.getRequestURI().getQuery())
                    : "{\"chatId\":\"" + chatId + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** {@code GET /v1/chats/{chatId}/unread} for an agent of the chat's organization. */
    private void agentUnread(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v1/chats/".length());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String organizationId;
            try {
                organizationId = tokens.verify(authorization == null ? null : authorization.substring(7),
                        TokenClaims.Kind.AGENT).organizationId();
            } catch (InvalidTokenException e) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String chatId = path.substring(0, Math.max(0, path.length() - "/unread".length()));
            if (!path.endsWith("/unread") || !organizationId.equals(chatOrganizations.get(chatId))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = badge(chatId, Reader.AGENTS).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String badge(String chatId, Reader reader) {
        unreadCalls.incrementAndGet();
        UnreadMessages state = unread.getOrDefault(chatId + ":" + reader, UnreadMessages.NONE);
        String messages = state.messages().stream()
                .map(m -> "{\"sequence\":" + m.sequence() + ",\"messageId\":\"" + m.messageId() + "\"}")
                .collect(Collectors.joining(","));
        return "{\"chatId\":\"" + chatId + "\",\"reader\":\"" + reader.name().toLowerCase(Locale.ROOT)
                + "\",\"lastSequence\":" + lastSequences.getOrDefault(chatId, 0L) + ",\"count\":" + state.count()
                + ",\"readUpTo\":" + state.readUpTo() + ",\"messages\":[" + messages + "]}";
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
