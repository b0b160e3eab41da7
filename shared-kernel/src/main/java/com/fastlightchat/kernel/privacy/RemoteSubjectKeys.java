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
        if (serviceToken == null || serviceToken.isBlank() || baseUrl.isBlank()) {
            throw new KeysUnavailableException("personal data of " + subjectId + " cannot be opened: the command "
                    + "side's key endpoint (base URL and service token) is not configured", null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH
                        + URLEncoder.encode(subjectId, StandardCharsets.UTF_8)))
                .timeout(timeout).header(TOKEN_HEADER, serviceToken).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeysUnavailableException("the key of " + subjectId + " could not be fetched: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while fetching the key of " + subjectId, e);
        }
        return switch (response.statusCode()) {
            case 200 -> Optional.of(key(subjectId, response.body()));
            case 410 -> Optional.empty();
            default -> throw new KeysUnavailableException("the key endpoint answered " + response.statusCode()
                    + " for " + subjectId, null);
        };
    }

    private static SecretKey key(String subjectId, String body) {
        try {
            JsonNode node = JSON.readTree(body);
            byte[] key = Base64.getDecoder().decode(node.path("key").asString(""));
            if (key.length != 32 || !subjectId.equals(node.path("subjectId").asString(""))) {
                throw new KeysUnavailableException("the key endpoint sent no 256-bit key for " + subjectId, null);
            }
            return new SecretKeySpec(key, "AES");
        } catch (JacksonException | IllegalArgumentException e) {
            throw new KeysUnavailableException("the key endpoint's answer for " + subjectId + " is unreadable", e);
        }
    }
}
