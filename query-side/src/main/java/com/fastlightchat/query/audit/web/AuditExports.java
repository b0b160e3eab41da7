package com.fastlightchat.query.audit.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import com.fastlightchat.query.audit.AuditTrail;
import com.fastlightchat.web.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The audit trail for dashboards, as JSON lines ({@code application/x-ndjson}): one published envelope per line,
 * in order, with time, causation and correlation. Only the caller's own organization; owners and admins only.
 * <p>
 * The trail keeps envelopes as published, personal data sealed. Serving opens it with the keys as they are at that
 * moment, asked of the command side for this request (not the projections' memory, which may lag an erasure): an
 * erased user's data shows as {@code [erased]}, never in plain text. Should the key service not answer, the values
 * it could not open are served sealed.
 */
@RestController
public class AuditExports {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final Logger log = LoggerFactory.getLogger(AuditExports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditTrail trail;
    private final RemoteSubjectKeys keys;

    public AuditExports(AuditTrail trail, RemoteSubjectKeys keys) {
        this.trail = trail;
        this.keys = keys;
    }

    /** The full ordered history of one chat (or any other aggregate of the organization). */
    @GetMapping("/v1/audit/aggregates/{aggregateId}")
    public ResponseEntity<StreamingResponseBody> aggregate(AgentIdentity agent, @PathVariable String aggregateId) {
        requireAdmin(agent);
        if (!trail.organizationOf(aggregateId).map(agent.organizationId()::equals).orElse(false)) {
            throw Rejection.notFound("aggregate");
        }
        PersonalDataCipher cipher = freshCipher();
        return ndjson(out -> trail.history(aggregateId, line -> write(out, opened(cipher, line))));
    }

    /** The organization's settings history (organization, environments, agents), optionally since a time. */
    @GetMapping("/v1/audit/organization")
    public ResponseEntity<StreamingResponseBody> organization(AgentIdentity agent,
                                                              @RequestParam(required = false) String since) {
        requireAdmin(agent);
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("since", "must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
        }
        PersonalDataCipher cipher = freshCipher();
        return ndjson(out -> trail.settingsHistory(agent.organizationId(), from,
                line -> write(out, opened(cipher, line))));
    }

    /** Keys asked once per user for this request only. */
    private PersonalDataCipher freshCipher() {
        return new PersonalDataCipher(new CachingSubjectKeys(keys, 10_000, Duration.ofMinutes(5)));
    }

    /** The envelope with its personal data opened (or erased); as stored when the keys cannot be had now. */
    private static String opened(PersonalDataCipher cipher, String line) {
        if (!line.contains(PersonalDataCipher.PREFIX)) {
            return line;
        }
        try {
            return cipher.openAll(JSON.readTree(line)).toString();
        } catch (KeysUnavailableException e) {
            log.warn("audit line served with its personal data sealed: {}", e.getMessage());
            return line;
        }
    }

    private static void requireAdmin(AgentIdentity agent) {
        if (!agent.isAdmin()) {
            throw Rejection.forbidden("only owners and admins may read the audit trail");
        }
    }

    private static ResponseEntity<StreamingResponseBody> ndjson(StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    private static void write(java.io.OutputStream out, String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
