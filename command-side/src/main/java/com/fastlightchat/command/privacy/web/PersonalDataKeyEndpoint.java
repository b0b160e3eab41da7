package com.fastlightchat.command.privacy.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.privacy.PersonalDataKeys;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import com.fastlightchat.web.ProblemResponses;
import com.fastlightchat.web.Rejection;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code GET /internal/v1/personal-data-keys/{subjectId}}: an end user's data key, for the services that open
 * personal data in events they consume (query side, realtime edge), authenticated with the service token
 * ({@code X-Service-Token} = {@code flc.command.service-token}; the endpoint is off while that is unset). 200 with
 * the key; 410 once the user was erased (consumers then show the data as erased); 404 for a subject without a key.
 * Never cached by HTTP intermediaries; keep this path off the public load balancer.
 */
@Hidden
@RestController
public class PersonalDataKeyEndpoint {

    /** The answer: the key as base64 of its 32 bytes. */
    public record KeyResponse(String subjectId, String key) {
    }

    private final PersonalDataKeys keys;
    private final CommandSideProperties properties;

    public PersonalDataKeyEndpoint(PersonalDataKeys keys, CommandSideProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping(RemoteSubjectKeys.PATH + "{subjectId}")
    public ResponseEntity<?> key(@RequestHeader(name = RemoteSubjectKeys.TOKEN_HEADER, required = false) String token,
                                 @PathVariable String subjectId) {
        requireService(token);
        if (!Ids.FORMAT.matcher(subjectId).matches()) {
            throw Rejection.invalid("subjectId", "must be an end user's id");
        }
        PersonalDataKeys.Lookup lookup = keys.lookup(subjectId);
        return switch (lookup.state()) {
            case ACTIVE -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new KeyResponse(subjectId,
                    Base64.getEncoder().encodeToString(lookup.key().orElseThrow().getEncoded())));
            case ERASED -> ProblemResponses.problem(410, "personal-data-erased",
                    "the personal data of " + subjectId + " was erased", null);
            case NONE -> throw Rejection.notFound("data key");
        };
    }

    /** The batch look-up's request: the subjects whose keys a consumer is about to need. */
    public record BatchRequest(List<String> subjectIds) {
    }

    /** The batch look-up's answer: active subjects' keys and erased subjects; subjects without a key are left out. */
    public record BatchResponse(List<KeyResponse> keys, List<String> erased) {
    }

    /**
     * {@code POST /internal/v1/personal-data-keys/lookup}: the keys of up to {@value RemoteSubjectKeys#MAX_BATCH}
     * subjects in one query, so that a consumer meeting many new users in one batch of events waits once.
     */
    @PostMapping(RemoteSubjectKeys.BATCH_PATH)
    public ResponseEntity<BatchResponse> keys(
            @RequestHeader(name = RemoteSubjectKeys.TOKEN_HEADER, required = false) String token,
            @RequestBody(required = false) BatchRequest request) {
        requireService(token);
        if (request == null || request.subjectIds() == null) {
            throw Rejection.invalid("subjectIds", "is required");
        }
        if (request.subjectIds().size() > RemoteSubjectKeys.MAX_BATCH) {
            throw Rejection.invalid("subjectIds", "may name at most " + RemoteSubjectKeys.MAX_BATCH + " subjects");
        }
        for (int i = 0; i < request.subjectIds().size(); i++) {
            String subjectId = request.subjectIds().get(i);
            if (subjectId == null || !Ids.FORMAT.matcher(subjectId).matches()) {
                throw Rejection.invalid("subjectIds[" + i + "]", "must be an end user's id");
            }
        }
        List<KeyResponse> active = new ArrayList<>();
        List<String> erased = new ArrayList<>();
        keys.lookupAll(new LinkedHashSet<>(request.subjectIds())).forEach((subjectId, lookup) -> {
            switch (lookup.state()) {
                case ACTIVE -> active.add(new KeyResponse(subjectId,
                        Base64.getEncoder().encodeToString(lookup.key().orElseThrow().getEncoded())));
                case ERASED -> erased.add(subjectId);
                case NONE -> { }
            }
        });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new BatchResponse(active, erased));
    }

    private void requireService(String token) {
        String expected = properties.serviceToken();
        if (expected == null || expected.isBlank()) {
            throw Rejection.notFound("endpoint");
        }
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw Rejection.unauthenticated("X-Service-Token is missing or wrong");
        }
    }
}
