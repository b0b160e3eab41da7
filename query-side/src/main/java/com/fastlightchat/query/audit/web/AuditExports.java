package com.fastlightchat.query.audit.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.query.audit.AuditTrail;
import com.fastlightchat.web.Rejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The audit trail for dashboards, as JSON lines ({@code application/x-ndjson}): one published envelope per line,
 * in order, with time, causation and correlation. Only the caller's own organization; owners and admins only.
 */
@RestController
public class AuditExports {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditTrail trail;

    public AuditExports(AuditTrail trail) {
        this.trail = trail;
    }

    /** The full ordered history of one chat (or any other aggregate of the organization). */
    @GetMapping("/v1/audit/aggregates/{aggregateId}")
    public ResponseEntity<StreamingResponseBody> aggregate(AgentIdentity agent, @PathVariable String aggregateId) {
        requireAdmin(agent);
        if (!trail.organizationOf(aggregateId).map(agent.organizationId()::equals).orElse(false)) {
            throw Rejection.notFound("aggregate");
        }
        return ndjson(out -> trail.history(aggregateId, line -> write(out, line)));
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
        return ndjson(out -> trail.settingsHistory(agent.organizationId(), from, line -> write(out, line)));
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
