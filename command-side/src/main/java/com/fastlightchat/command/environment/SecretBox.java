package com.fastlightchat.command.environment;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts secrets the server must read back (AES-256-GCM, a random 96-bit nonce per sealing). The sealed form is
 * {@code nonce || ciphertext || tag}; {@code context} (e.g. the environment id) is authenticated but not stored, so
 * a ciphertext copied to another row does not open.
 */
public final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** @param base64Key base64 of 32 random bytes ({@code flc.command.secrets-key}) */
    public static SecretBox fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("flc.command.secrets-key is required: base64 of 32 random bytes");
        }
        try {
            return new SecretBox(Base64.getDecoder().decode(base64Key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("flc.command.secrets-key must be base64 of 32 random bytes", e);
        }
    }

    public byte[] seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, context, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** Throws {@link IllegalStateException} if the sealed bytes were altered, or sealed for another context or key. */
    public String open(byte[] sealed, String context) {
        if (sealed == null || sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("sealed secret is malformed");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, context, body), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
