package com.fastlightchat.kernel.auth;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Issues and verifies HS256 JSON Web Tokens with one shared secret. Only the HS256 header this class writes is
 * accepted ({@code alg} is never taken from the token), signatures are compared in constant time, and expiry is
 * checked against the injected clock.
 */
public final class AccessTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String ISSUER = "fast-light-chat";
    private static final String HEADER = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec key;
    private final Clock clock;

    /** @param secret at least 32 bytes of key material */
    public AccessTokens(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the token signing secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    public static AccessTokens fromSecret(String secret, Clock clock) {
        return new AccessTokens(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    /** Signs the claims; {@code issuedAt}/{@code expiresAt} are taken from them as given. */
    public String issue(TokenClaims claims) {
        ObjectNode body = JSON.createObjectNode();
        body.put("iss", ISSUER);
        body.put("sub", claims.subject());
        body.put("knd", claims.kind().name().toLowerCase(java.util.Locale.ROOT));
        body.put("org", claims.organizationId());
        if (claims.environmentId() != null) {
            body.put("env", claims.environmentId());
        }
        if (claims.role() != null) {
            body.put("rol", claims.role());
        }
        body.put("iat", claims.issuedAt().getEpochSecond());
        body.put("exp", claims.expiresAt().getEpochSecond());
        String signingInput = HEADER + "." + b64(JSON.writeValueAsBytes(body));
        return signingInput + "." + b64(sign(signingInput));
    }

    /** Verifies signature, issuer, expiry and that the token is of {@code expected} kind. */
    public TokenClaims verify(String token, TokenClaims.Kind expected) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("token is missing");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            throw new InvalidTokenException("token is malformed");
        }
        byte[] signature;
        try {
            signature = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token is malformed");
        }
        if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
            throw new InvalidTokenException("token signature is invalid");
        }
        JsonNode body;
        try {
            body = JSON.readTree(B64D.decode(parts[1]));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidTokenException("token is malformed");
        }
        if (!ISSUER.equals(text(body, "iss"))) {
            throw new InvalidTokenException("token issuer is invalid");
        }
        TokenClaims.Kind kind;
        try {
            kind = TokenClaims.Kind.valueOf(String.valueOf(text(body, "knd")).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token kind is invalid");
        }
        if (kind != expected) {
            throw new InvalidTokenException("token is of kind " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + ", expected " + expected.name().toLowerCase(java.util.Locale.ROOT));
        }
        Instant expiresAt = Instant.ofEpochSecond(body.path("exp").asLong(0));
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidTokenException("token has expired");
        }
        String subject = text(body, "sub");
        String organization = text(body, "org");
        if (subject == null || organization == null) {
            throw new InvalidTokenException("token is malformed");
        }
        return new TokenClaims(subject, kind, organization, text(body, "env"), text(body, "rol"),
                Instant.ofEpochSecond(body.path("iat").asLong(0)), expiresAt);
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }
}
