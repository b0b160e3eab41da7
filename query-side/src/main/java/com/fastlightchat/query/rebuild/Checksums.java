package com.fastlightchat.query.rebuild;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checksums that depend only on content: Mongo documents are canonicalized (keys sorted at every level). */
public final class Checksums {

    private Checksums() {
    }

    public static String of(Document document) {
        return sha256(canonical(document).toJson());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document canonical(Map<String, Object> map) {
        Document sorted = new Document();
        new TreeMap<>(map).forEach((key, value) -> sorted.put(key, canonicalValue(value)));
        return sorted;
    }

    @SuppressWarnings("unchecked")
    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return canonical((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Checksums::canonicalValue).toList();
        }
        return value;
    }
}
