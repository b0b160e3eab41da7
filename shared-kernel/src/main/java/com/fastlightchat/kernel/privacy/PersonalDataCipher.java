package com.fastlightchat.kernel.privacy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * The one encryption of personal data, used by every module: AES-256-GCM with the data subject's own key and a
 * random 96-bit nonce per value. A sealed value is the string
 * {@code enc:v1:<subject id>:<base64 of nonce || ciphertext || 128-bit tag>}; what is encrypted is the value's JSON
 * (so a number stays a number), and {@code enc:v1:<subject id>} is authenticated with it, so a value moved to another
 * subject does not open.
 * <p>
 * Opening never fails for an erased subject: its values open as {@link #ERASED}, so replays, rebuilds and audits go
 * on, showing the data as erased. A value that does not open with its subject's key was tampered with
 * ({@link TamperedPersonalDataException}); a key that cannot be fetched right now is a {@link KeysUnavailableException}.
 * Values that are not sealed (events written before encryption, or without a key service) pass through unchanged.
 * Empty strings are not sealed: they say nothing about anyone, and keeping them empty keeps "no text" (a message
 * with attachments only) distinguishable from erased text everywhere, live and rebuilt alike.
 */
public final class PersonalDataCipher {

    /** What an erased subject's personal data reads as, wherever it was copied. */
    public static final String ERASED = "[erased]";
    /** Where a sealed value starts; {@code v1} is the format (AES-256-GCM, 12-byte nonce, 16-byte tag). */
    public static final String PREFIX = "enc:v1:";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * {@code Cipher.getInstance} costs more than encrypting a message, so instances are reused (each is initialised
     * with a fresh nonce before every use); a pool rather than a thread-local, since callers run on virtual threads.
     */
    private static final ConcurrentLinkedQueue<Cipher> CIPHERS = new ConcurrentLinkedQueue<>();
    private static final int MAX_POOLED = 64;

    private final SubjectKeys keys;

    public PersonalDataCipher(SubjectKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Whether {@code value} is in the sealed form (whoever's it is). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The subject id a sealed value names, or empty when it is not sealed. */
    public static Optional<String> subjectOf(String value) {
        if (!isSealed(value)) {
            return Optional.empty();
        }
        int end = value.indexOf(':', PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(value.substring(PREFIX.length(), end));
    }

    /**
     * The subjects whose sealed values appear in a serialized event (its raw JSON), added to {@code into}: what a
     * consumer needs keys for before it opens the event. Subject ids are plain ids (letters, digits, {@code _-}), so
     * they are read straight from the bytes without parsing the JSON.
     */
    public static <C extends Collection<String>> C sealedSubjects(byte[] json, C into) {
        byte[] prefix = PREFIX_BYTES;
        outer:
        for (int i = 0; i + prefix.length < json.length; i++) {
            for (int j = 0; j < prefix.length; j++) {
                if (json[i + j] != prefix[j]) {
                    continue outer;
                }
            }
            int start = i + prefix.length;
            int end = start;
            while (end < json.length && isIdByte(json[end])) {
                end++;
            }
            if (end > start && end < json.length && json[end] == ':') {
                into.add(new String(json, start, end - start, StandardCharsets.US_ASCII));
            }
            i = end;
        }
        return into;
    }

    private static boolean isIdByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
    }

    /** Seals a text of {@code subjectId}; {@link #ERASED} once the subject was erased; null and "" stay as they are. */
    public String seal(String subjectId, String text) {
        return text == null || text.isEmpty() ? text : sealJson(subjectId, JSON.writeValueAsString(text));
    }

    /** Seals a scalar (string, number, boolean) of {@code subjectId}, keeping its JSON type inside; null and "" stay. */
    public String sealValue(String subjectId, Object value) {
        if (value == null || "".equals(value)) {
            return (String) value;
        }
        return sealJson(subjectId, JSON.writeValueAsString(value));
    }

    /** Opens a text: a sealed one is decrypted ({@link #ERASED} for an erased subject), any other returned as is. */
    public String open(String value) {
        if (!isSealed(value)) {
            return value;
        }
        JsonNode node = openNode(value);
        return node.isString() ? node.asString() : node.toString();
    }

    /** Opens a scalar as a Java value (String, Long, Double, Boolean); a value that is not sealed comes back as is. */
    public Object openValue(Object value) {
        if (!(value instanceof String text) || !isSealed(text)) {
            return value;
        }
        JsonNode node = openNode(text);
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.toString();
    }

    /**
     * A copy of a JSON tree (an envelope as published, say) with every sealed string opened to what it holds: the
     * plain value, or {@link #ERASED}. Works on event types this build does not know.
     */
    public JsonNode openAll(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (tree.isString() && isSealed(tree.asString())) {
            return openNode(tree.asString());
        }
        if (tree.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                copy.set(field.getKey(), openAll(field.getValue()));
            }
            return copy;
        }
        if (tree.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            tree.forEach(element -> copy.add(openAll(element)));
            return copy;
        }
        return tree;
    }

    private String sealJson(String subjectId, String json) {
        if (subjectId == null || !SUBJECT.matcher(subjectId).matches()) {
            throw new IllegalArgumentException("not a data subject id: " + subjectId);
        }
        Optional<SecretKey> key = keys.sealingKey(subjectId);
        if (key.isEmpty()) {
            return ERASED;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key.get(), nonce, subjectId, json.getBytes(StandardCharsets.UTF_8));
        byte[] body = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + subjectId + ':' + Base64.getEncoder().encodeToString(body);
    }

    private JsonNode openNode(String value) {
        int end = value.indexOf(':', PREFIX.length());
        String subjectId = end < 0 ? "" : value.substring(PREFIX.length(), end);
        if (!SUBJECT.matcher(subjectId).matches()) {
            throw new TamperedPersonalDataException("sealed personal data names no valid subject", null);
        }
        byte[] body;
        try {
            body = Base64.getDecoder().decode(value.substring(end + 1));
        } catch (IllegalArgumentException e) {
            throw new TamperedPersonalDataException("sealed personal data of " + subjectId + " is not base64", e);
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedPersonalDataException("sealed personal data of " + subjectId + " is truncated", null);
        }
        Optional<SecretKey> key = keys.openingKey(subjectId);
        if (key.isEmpty()) {
            return StringNode.valueOf(ERASED);
        }
        byte[] plain;
        try {
            plain = crypt(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOf(body, NONCE_BYTES), subjectId,
                    Arrays.copyOfRange(body, NONCE_BYTES, body.length));
        } catch (IllegalStateException e) {
            throw new TamperedPersonalDataException("sealed personal data of " + subjectId
                    + " does not open with its key (altered, or sealed for another subject)", e);
        }
        try {
            return JSON.readTree(plain);
        } catch (JacksonException e) {
            throw new TamperedPersonalDataException("sealed personal data of " + subjectId + " is not JSON", e);
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String subjectId, byte[] input) {
        Cipher cipher = CIPHERS.poll();
        try {
            if (cipher == null) {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            }
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((PREFIX + subjectId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        } finally {
            if (cipher != null && CIPHERS.size() < MAX_POOLED) {
                CIPHERS.offer(cipher);
            }
        }
    }
}
