package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The platform's public HTTP API as the fault tests call it: an end user's SDK calls, the demo agent's login, and
 * reads of the query side. Every call has a timeout, so a hung service fails a test instead of blocking it.
 */
public final class PlatformApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    /** An end user of the demo environment, with the headers of their SDK calls. */
    public record SdkUser(String userId, String userToken, Map<String, String> headers) {
    }

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public PlatformApi(LocalStack stack) {
        this.stack = stack;
    }

    /** A new anonymous visitor of the demo environment. */
    public SdkUser bootUser() {
        String pluginKey = stack.demo().pluginKey();
        JsonNode boot = expect(post(stack.commandUrl() + "/v1/sdk/boot", Map.of("X-Plugin-Key", pluginKey), "{}"), 200);
        String token = boot.get("userToken").asString();
        return new SdkUser(boot.path("userId").asString(""), token,
                Map.of("X-Plugin-Key", pluginKey, "X-User-Token", token));
    }

    /** Opens a chat for the user and returns its id. */
    public String openChat(SdkUser user) {
        return expect(post(stack.commandUrl() + "/v1/sdk/chats", user.headers(), ""), 201).get("chatId").asString();
    }

    /** The demo agent's access token. */
    public String agentToken() {
        String body = JSON.writeValueAsString(Map.of("login", stack.demo().agentLogin(),
                "password", stack.demo().agentPassword()));
        return expect(post(stack.commandUrl() + "/v1/auth/login", Map.of(), body), 200).get("accessToken").asString();
    }

    /** The agent sets their presence ({@code online}, {@code away}, {@code offline}). */
    public void agentPresence(String agentToken, String presence) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(stack.commandUrl() + "/v1/agents/me/presence"))
                .header("Authorization", "Bearer " + agentToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("presence", presence)))));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("presence: " + response.statusCode() + " " + response.body());
        }
    }

    /** The agent closes a chat. */
    public void closeChat(String agentToken, String chatId) {
        expect(post(stack.commandUrl() + "/v1/chats/" + chatId + "/close",
                Map.of("Authorization", "Bearer " + agentToken), ""), 200);
    }

    /** A GET on the query side; the raw answer. */
    public HttpResponse<String> query(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET of any URL; the raw answer. */
    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> post(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
