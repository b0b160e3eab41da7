package com.fastlightchat.kernel.privacy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subjects' keys as the command side's internal key endpoint serves them, for the services that only read
 * events (query side, realtime edge): {@code GET <base>/internal/v1/personal-data-keys/{subjectId}} with the
 * service-to-service token in {@value #TOKEN_HEADER}. 200 carries the key, 410 says the subject was erased; anything
 * else (or no answer) is a {@link KeysUnavailableException}, never taken for an erasure. Keys travel only over this
 * call, never on Kafka. Wrap it in a {@link CachingSubjectKeys}: one call per subject, not per event.
 */
public final class RemoteSubjectKeys implements SubjectKeys.OpeningOnly {

    /** The header carrying the service token. */
    public static final String TOKEN_HEADER = "X-Service-Token";
    /** The endpoint's path, before the subject id. */
    public static final String PATH = "/internal/v1/personal-data-keys/";
    /**
     * {@code POST} here with {@code {"subjectIds": [...]}} (at most {@value #MAX_BATCH}) answers
     * {@code {"keys": [{"subjectId", "key"}…], "erased": [...]}}; subjects without a key are left out.
     */
    public static final String BATCH_PATH = PATH + "lookup";
    /** Most subjects one batch look-up may name. */
    public static final int MAX_BATCH = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final String serviceToken;
    private final Duration timeout;

    /**
     * @param baseUrl      the command side, e.g. {@code http://command-side:8081}
     * @param serviceToken the token the command side expects; blank makes every look-up fail (and say why)
     */
    public RemoteSubjectKeys(String baseUrl, String serviceToken, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.serviceToken = serviceToken;
        this.timeout = timeout;
    }

    @Override
    public Optional<SecretKey> openingKey(String subjectId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + PATH
                + URLEncoder.encode(subjectId, StandardCharsets.UTF_8))).GET(), subjectId);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(key(subjectId, response.body()));
            case 410 -> Optional.empty();
            default -> throw new KeysUnavailableException("the key endpoint answered " + response.statusCode()
                    + " for " + subjectId, null);
        };
    }

    /**
     * One call per {@value #MAX_BATCH} subjects. A command side without the batch endpoint (404 or 405: an older
     * version during a rolling upgrade) is asked one subject at a time.
     */
    @Override
    public Map<String, Optional<SecretKey>> openingKeys(Collection<String> subjectIds) {
        List<String> subjects = List.copyOf(new LinkedHashSet<>(subjectIds));
        Map<String, Optional<SecretKey>> keys = new HashMap<>();
        for (int from = 0; from < subjects.size(); from += MAX_BATCH) {
            List<String> chunk = subjects.subList(from, Math.min(subjects.size(), from + MAX_BATCH));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + BATCH_PATH))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("subjectIds", chunk))))
                    .header("Content-Type", "application/json"), chunk.size() + " subjects");
            if (response.statusCode() == 404 || response.statusCode() == 405) {
                return SubjectKeys.OpeningOnly.super.openingKeys(subjectIds);
            }
            if (response.statusCode() != 200) {
                throw new KeysUnavailableException("the key endpoint answered " + response.statusCode() + " for "
                        + chunk.size() + " subjects", null);
            }
            try {
                JsonNode answer = JSON.readTree(response.body());
                for (JsonNode entry : answer.path("keys")) {
                    String subjectId = entry.path("subjectId").asString("");
                    if (chunk.contains(subjectId)) {
                        keys.put(subjectId, Optional.of(key(subjectId, entry)));
                    }
                }
                for (JsonNode erased : answer.path("erased")) {
                    if (chunk.contains(erased.asString(""))) {
                        keys.put(erased.asString(), Optional.empty());
                    }
                }
            } catch (JacksonException e) {
                throw new KeysUnavailableException("the key endpoint's batch answer is unreadable", e);
            }
        }
        return keys;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        if (serviceToken == null || serviceToken.isBlank() || baseUrl.isBlank()) {
            throw new KeysUnavailableException("personal data of " + what + " cannot be opened: the command "
                    + "side's key endpoint (base URL and service token) is not configured", null);
        }
        try {
            return http.send(request.timeout(timeout).header(TOKEN_HEADER, serviceToken)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeysUnavailableException("the key of " + what + " could not be fetched: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while fetching the key of " + what, e);
        }
    }

    private static SecretKey key(String subjectId, String body) {
        try {
            return key(subjectId, JSON.readTree(body));
        } catch (JacksonException e) {
            throw new KeysUnavailableException("the key endpoint's answer for " + subjectId + " is unreadable", e);
        }
    }

    private static SecretKey key(String subjectId, JsonNode node) {
        try {
            byte[] key = Base64.getDecoder().decode(node.path("key").asString(""));
            if (key.length != 32 || !subjectId.equals(node.path("subjectId").asString(""))) {
                throw new KeysUnavailableException("the key endpoint sent no 256-bit key for " + subjectId, null);
            }
            return new SecretKeySpec(key, "AES");
        } catch (IllegalArgumentException e) {
            throw new KeysUnavailableException("the key endpoint's answer for " + subjectId + " is unreadable", e);
        }
    }
}
