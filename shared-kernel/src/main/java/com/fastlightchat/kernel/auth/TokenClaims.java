package com.fastlightchat.kernel.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified token says.
 *
 * @param subject        the agent id or user id
 * @param kind           who the subject is
 * @param organizationId the tenant the token is valid for
 * @param environmentId  for user tokens, the environment the user booted in; otherwise null
 * @param role           for agent tokens, the agent's role name; otherwise null
 * @param issuedAt       issue time
 * @param expiresAt      expiry time
 */
public record TokenClaims(String subject, Kind kind, String organizationId, String environmentId, String role,
                          Instant issuedAt, Instant expiresAt) {

    public enum Kind { AGENT, USER, REFRESH }

    public TokenClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
