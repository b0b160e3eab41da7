package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.auth.ApiSecrets;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates environment keys: public plugin and API keys, 192-bit API secrets (stored only hashed) and 256-bit
 * member secrets (stored only encrypted, because the server must read them back to check member hashes).
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

    /** A member secret, shown to its owner once; it signs member hashes as its UTF-8 bytes, exactly as shown. */
    public static String newMemberSecret() {
        return "ms_" + randomHex(32);
    }

    /** What events say of a member secret: the first 8 hex digits of its SHA-256, enough to tell secrets apart. */
    public static String fingerprint(String memberSecret) {
        return ApiSecrets.hash(memberSecret).substring(0, 8);
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
