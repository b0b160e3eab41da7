package com.fastlightchat.kernel.auth;

import java.util.Optional;
import java.util.function.Function;

/**
 * The rules for the two non-SDK callers, used by every service: a dashboard agent presents an access token
 * ({@code Authorization: Bearer}); a backend integration presents an environment's API key and secret. Each service
 * supplies its own look-ups; an optional {@code activeAgent} check lets a service refuse a deactivated agent whose
 * token has not expired yet.
 */
public final class CallerAuthenticator {

    /** What a service knows of an API key. */
    public record ApiKeyRecord(String organizationId, String environmentId, String secretHash) {
    }

    private final AccessTokens tokens;
    private final Function<String, Optional<ApiKeyRecord>> apiKeys;
    private final Function<AgentIdentity, Boolean> activeAgent;

    public CallerAuthenticator(AccessTokens tokens, Function<String, Optional<ApiKeyRecord>> apiKeys,
                               Function<AgentIdentity, Boolean> activeAgent) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.activeAgent = activeAgent;
    }

    /** Verifies an {@code Authorization} header value of the form {@code Bearer <token>}. */
    public AgentIdentity agent(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException("Authorization: Bearer <token> is required");
        }
        TokenClaims claims = tokens.verify(authorizationHeader.substring(7).strip(), TokenClaims.Kind.AGENT);
        AgentIdentity agent = new AgentIdentity(claims.organizationId(), claims.subject(), claims.role());
        if (!activeAgent.apply(agent)) {
            throw new InvalidTokenException("this agent account is deactivated");
        }
        return agent;
    }

    /** Verifies an API key and its secret. */
    public IntegrationIdentity integration(String apiKey, String apiSecret) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 128 || apiSecret == null || apiSecret.isBlank()) {
            throw new InvalidTokenException("X-API-Key and X-API-Secret are required");
        }
        ApiKeyRecord record = apiKeys.apply(apiKey)
                .filter(found -> ApiSecrets.matches(apiSecret, found.secretHash()))
                .orElseThrow(() -> new InvalidTokenException("API key or secret is not valid"));
        return new IntegrationIdentity(record.organizationId(), record.environmentId(), apiKey);
    }
}
