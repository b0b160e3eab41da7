package com.fastlightchat.query.rebuild.web;

import com.fastlightchat.query.QuerySideProperties;
import com.fastlightchat.query.rebuild.RebuildReport;
import com.fastlightchat.query.rebuild.Rebuilder;
import com.fastlightchat.web.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code /v1/admin/rebuilds}: for the platform operator (not tenants), with {@code X-Admin-Token}. Rebuilding runs
 * in the request and answers with the report; progress goes to the log.
 */
@RestController
public class RebuildEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RebuildEndpoint.class);

    private final Rebuilder rebuilder;
    private final QuerySideProperties properties;

    public RebuildEndpoint(Rebuilder rebuilder, QuerySideProperties properties) {
        this.rebuilder = rebuilder;
        this.properties = properties;
    }

    @GetMapping("/v1/admin/rebuilds")
    public Set<String> readModels(@RequestHeader(name = "X-Admin-Token", required = false) String token) {
        requireOperator(token);
        return rebuilder.readModels();
    }

    @PostMapping("/v1/admin/rebuilds/{readModel}")
    public RebuildReport rebuild(@RequestHeader(name = "X-Admin-Token", required = false) String token,
                                 @PathVariable String readModel, @RequestParam(defaultValue = "false") boolean keep) {
        requireOperator(token);
        return rebuilder.rebuild(readModel, keep, events -> log.info("rebuild of {}: {} events replayed", readModel, events));
    }

    private void requireOperator(String token) {
        String expected = properties.adminToken();
        if (expected == null || expected.isBlank()) {
            throw Rejection.forbidden("rebuilds are disabled: set flc.query.admin-token");
        }
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw Rejection.unauthenticated("X-Admin-Token is missing or wrong");
        }
    }
}
