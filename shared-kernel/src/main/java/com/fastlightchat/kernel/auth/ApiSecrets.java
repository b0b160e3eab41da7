package com.fastlightchat.kernel.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way API secrets are stored and checked. Secrets are long random strings (at least 128 bits), so a fast
 * SHA-256 hash makes the stored form useless to a thief — there is no dictionary to try — while keeping each
 * request's check cheap. Passwords, which people choose, use bcrypt instead.
 */
public final class ApiSecrets {

    private static final HexFormat HEX = HexFormat.of();

    private ApiSecrets() {
    }

    public static String hash(String secret) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
