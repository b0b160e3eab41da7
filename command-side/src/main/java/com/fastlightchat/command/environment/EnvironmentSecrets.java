package com.fastlightchat.command.environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates environment keys and hashes API secrets. Secrets are 192 random bits, so a fast SHA-256 hash is
 * enough to make the stored form useless to a thief (no dictionary to try); passwords use bcrypt instead.
 */
public final class EnvironmentSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private EnvironmentSecrets() {
    }

    /** A public plugin key, e.g. {@code pk_6f1c…}. */
    public static String newPluginKey() {
        return "pk_" + randomHex(16);
    }

    /** A public API key id, e.g. {@code ak_…}. */
    public static String newApiKey() {
        return "ak_" + randomHex(16);
    }

    /** A secret, shown to its owner once. */
    public static String newApiSecret() {
        return "sk_" + randomHex(24);
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

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
