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
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues and verifies HS256 JSON Web Tokens. Only the HS256 headers this class writes are accepted ({@code alg} is
 * never taken from the token), signatures are compared in constant time, and expiry is checked against the injected
 * clock.
 *
 * <p><b>Key rotation.</b> Tokens are signed with the current key and name it in the header's {@code kid} (the first
 * 16 hex digits of the key's SHA-256, so every service derives the same id from the same secret without any further
 * setting). Previous keys are still accepted for verification, so that tokens issued before a rotation keep working
 * until they expire or the previous key is removed from the configuration. A token without {@code kid} (issued
 * before key ids existed) is checked against every configured key.
 */
public final class AccessTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String ISSUER = "fast-light-chat";
    /** The header of tokens issued before key ids existed. */
    private static final String LEGACY_HEADER = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    /** Longer tokens are refused before any decoding. */
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec key;
    private final String header;
    private final String keyId;
    /** Encoded header → the keys a token with that header may be signed with. */
    private final Map<String, List<SecretKeySpec>> keysByHeader;
    private final Clock clock;

    /** @param secret at least 32 bytes of key material */
    public AccessTokens(byte[] secret, Clock clock) {
        this(secret, List.of(), clock);
    }

    /**
     * @param current  at least 32 bytes: signs new tokens and verifies
     * @param previous earlier keys (each at least 32 bytes), only verifying tokens issued before the rotation
     */
    public AccessTokens(byte[] current, List<byte[]> previous, Clock clock) {
        this.key = signingKey(current);
        this.keyId = keyId(current);
        this.header = header(keyId);
        Map<String, List<SecretKeySpec>> byHeader = new LinkedHashMap<>();
        List<SecretKeySpec> all = new ArrayList<>();
        byHeader.put(header, List.of(key));
        all.add(key);
        for (byte[] old : previous) {
            SecretKeySpec oldKey = signingKey(old);
            byHeader.putIfAbsent(header(keyId(old)), List.of(oldKey));
            all.add(oldKey);
        }
        byHeader.put(LEGACY_HEADER, List.copyOf(all));
        this.keysByHeader = Map.copyOf(byHeader);
        this.clock = clock;
    }

    public static AccessTokens fromSecret(String secret, Clock clock) {
        return fromSecrets(secret, List.of(), clock);
    }

    /**
     * @param secret   the current key (UTF-8 bytes of the configured string)
     * @param previous earlier keys still accepted for verification; blank entries are ignored
     */
    public static AccessTokens fromSecrets(String secret, Collection<String> previous, Clock clock) {
        List<byte[]> old = previous == null ? List.of() : previous.stream()
                .filter(value -> value != null && !value.isBlank())
                .map(value -> value.strip().getBytes(StandardCharsets.UTF_8))
                .toList();
        return new AccessTokens(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8), old, clock);
    }

    /** The {@code kid} new tokens carry. */
    public String keyId() {
        return keyId;
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
        String signingInput = header + "." + b64(JSON.writeValueAsBytes(body));
        return signingInput + "." + b64(sign(key, signingInput));
    }

    /** Verifies signature, issuer, expiry and that the token is of {@code expected} kind. */
    public TokenClaims verify(String token, TokenClaims.Kind expected) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("token is missing");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("token is malformed");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("token is malformed");
        }
        List<SecretKeySpec> candidates = keysByHeader.get(parts[0]);
        if (candidates == null) {
            // A key id we do not have: a key removed after a rotation, or a forgery; either way not verifiable.
            throw new InvalidTokenException(namesAKey(parts[0]) ? "token signature is invalid" : "token is malformed");
        }
        byte[] signature;
        try {
            signature = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token is malformed");
        }
        String signingInput = parts[0] + "." + parts[1];
        boolean valid = false;
        for (SecretKeySpec candidate : candidates) {
            valid |= MessageDigest.isEqual(signature, sign(candidate, signingInput));
        }
        if (!valid) {
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

    /** Whether an unknown header is an HS256 header naming a key id. */
    private static boolean namesAKey(String encodedHeader) {
        try {
            JsonNode header = JSON.readTree(B64D.decode(encodedHeader));
            return header.isObject() && "HS256".equals(text(header, "alg")) && text(header, "kid") != null;
        } catch (JacksonException | IllegalArgumentException e) {
            return false;
        }
    }

    private static SecretKeySpec signingKey(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the token signing secret must be at least 32 bytes");
        }
        return new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    private static String keyId(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String header(String keyId) {
        return b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sign(SecretKeySpec key, String input) {
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
