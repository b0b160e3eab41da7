package com.fastlightchat.testservers;

import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import com.fastlightchat.kernel.privacy.SubjectKeys;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the command side's key store and its internal endpoint
 * ({@code GET /internal/v1/personal-data-keys/{subjectId}}, {@code X-Service-Token}), for tests of the services that
 * read events without a command side: it seals (as a {@link SubjectKeys}, for the test's publisher) with keys it then
 * serves over HTTP exactly like the real endpoint (200 with the key, 410 once erased, 404 unknown, 401 without the
 * token), and {@link #erase} deletes a key as an erasure does.
 */
public final class KeyServiceStandIn implements SubjectKeys, AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String serviceToken;
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lookups = new AtomicInteger();

    public KeyServiceStandIn(String serviceToken) {
        this.serviceToken = serviceToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(RemoteSubjectKeys.PATH, this::handle);
        server.createContext(RemoteSubjectKeys.BATCH_PATH, this::handleBatch);
        server.start();
    }

    /** What to configure as the command side's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public Optional<SecretKey> sealingKey(String subjectId) {
        if (erased.contains(subjectId)) {
            return Optional.empty();
        }
        return Optional.of(keys.computeIfAbsent(subjectId, id -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return new SecretKeySpec(key, "AES");
        }));
    }

    @Override
    public Optional<SecretKey> openingKey(String subjectId) {
        return erased.contains(subjectId) ? Optional.empty() : Optional.ofNullable(keys.get(subjectId));
    }

    /** Deletes the subject's key for good, as the command side does when the user is erased. */
    public void erase(String subjectId) {
        erased.add(subjectId);
        keys.remove(subjectId);
    }

    /** How many keys were asked for over HTTP. */
    public int lookups() {
        return lookups.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String subject = exchange.getRequestURI().getPath().substring(RemoteSubjectKeys.PATH.length());
            if (refused(exchange)) {
                return;
            }
            lookups.incrementAndGet();
            if (erased.contains(subject)) {
                exchange.sendResponseHeaders(410, -1);
                return;
            }
            SecretKey key = keys.get(subject);
            if (key == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = ("{\"subjectId\":\"" + subject + "\",\"key\":\""
                    + Base64.getEncoder().encodeToString(key.getEncoded()) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The batch look-up, answered like the command side's: keys of active subjects, erased ones, others left out. */
    private void handleBatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (refused(exchange)) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode found = answer.putArray("keys");
            ArrayNode gone = answer.putArray("erased");
            for (JsonNode subject : request.path("subjectIds")) {
                String subjectId = subject.asString("");
                lookups.incrementAndGet();
                SecretKey key = keys.get(subjectId);
                if (erased.contains(subjectId)) {
                    gone.add(subjectId);
                } else if (key != null) {
                    found.addObject().put("subjectId", subjectId)
                            .put("key", Base64.getEncoder().encodeToString(key.getEncoded()));
                }
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Answers 401 without the service token. */
    private boolean refused(HttpExchange exchange) throws IOException {
        if (serviceToken.equals(exchange.getRequestHeaders().getFirst(RemoteSubjectKeys.TOKEN_HEADER))) {
            return false;
        }
        exchange.sendResponseHeaders(401, -1);
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
