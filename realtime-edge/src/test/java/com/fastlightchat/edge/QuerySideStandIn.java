package com.fastlightchat.edge;

import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the query side's HTTP API {@code GET /v1/sdk/chats/{chatId}}: 200 when the plugin key is the known
 * one and the user token's user owns the chat, 404 otherwise (401 without valid credentials), like the real one.
 */
final class QuerySideStandIn implements AutoCloseable {

    private final HttpServer server;
    private final String pluginKey;
    private final AccessTokens tokens;
    private final Map<String, String> chatOwners = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    QuerySideStandIn(String pluginKey, AccessTokens tokens) {
        this.pluginKey = pluginKey;
        this.tokens = tokens;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/sdk/chats/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void chatOf(String userId, String chatId) {
        chatOwners.put(chatId, userId);
    }

    /** How often the edge asked about a chat. */
    int calls(String chatId) {
        AtomicInteger count = calls.get(chatId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String chatId = exchange.getRequestURI().getPath().substring("/v1/sdk/chats/".length());
            calls.computeIfAbsent(chatId, id -> new AtomicInteger()).incrementAndGet();
            String userId;
            try {
                userId = tokens.verify(exchange.getRequestHeaders().getFirst("X-User-Token"), TokenClaims.Kind.USER)
                        .subject();
            } catch (InvalidTokenException e) {
                userId = null;
            }
            if (userId == null || !pluginKey.equals(exchange.getRequestHeaders().getFirst("X-Plugin-Key"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !userId.equals(chatOwners.get(chatId))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = ("{\"chatId\":\"" + chatId + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
