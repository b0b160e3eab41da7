package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.worker.JsonLines;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** JSON over HTTP/1.1 with keep-alive, blocking (setup, on virtual threads) or asynchronous (fixed-rate senders). */
final class Http implements AutoCloseable {

    /** A status and the parsed body (a missing node when it is not JSON). */
    record Response(int status, JsonNode body, String text) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String field(String name) {
            JsonNode value = body.path(name);
            if (value.isMissingNode() || value.isNull()) {
                throw new IllegalStateException("no '" + name + "' in answer " + status + ": " + text);
            }
            return value.asString();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    /**
     * Asynchronous requests in flight at most (so at most this many connections): beyond it they wait here, as
     * behind a proxy's connection pool, instead of opening thousands of connections to a server that falls
     * behind. Their latency still counts from when they were planned.
     */
    private final int maxInFlight;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Queue<Runnable> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Http() {
        this(256);
    }

    Http(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    static HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        headers.forEach(builder::header);
        return builder;
    }

    static HttpRequest post(String url, Map<String, String> headers, Object body) {
        return request(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0]
                        : body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : JsonLines.JSON.writeValueAsBytes(body)))
                .build();
    }

    static HttpRequest get(String url, Map<String, String> headers) {
        return request(url, headers).GET().build();
    }

    Response send(HttpRequest request) {
        try {
            return parse(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends and checks the status. */
    Response expect(HttpRequest request, int... statuses) {
        Response response = send(request);
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.status()
                + ": " + response.text());
    }

    CompletableFuture<Response> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Http::parse);
    }

    /** Sends (once a slot is free) without reading the body: only the status matters. */
    CompletableFuture<Integer> statusAsync(HttpRequest request) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        waiting.add(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    inFlight.decrementAndGet();
                    dispatch();
                    if (error != null) {
                        status.completeExceptionally(error);
                    } else {
                        status.complete(response.statusCode());
                    }
                }));
        dispatch();
        return status;
    }

    /** Requests waiting for a slot. */
    int queued() {
        return waiting.size();
    }

    private void dispatch() {
        while (inFlight.incrementAndGet() <= maxInFlight) {
            Runnable next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                return;
            }
            next.run();
        }
        inFlight.decrementAndGet();
    }

    private static Response parse(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                    : JsonLines.JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = MissingNode.getInstance();
        }
        return new Response(response.statusCode(), body, response.body());
    }

    @Override
    public void close() {
        client.close();
    }
}
