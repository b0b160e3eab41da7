package com.fastlightchat.kernel.id;

import java.util.UUID;
import java.util.regex.Pattern;

/** Validation and generation shared by every typed id. */
public final class Ids {
    /** Letters, digits, '_' and '-', starting with a letter or digit, at most 64 characters. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Ids() {
    }

    /** Returns {@code value} if it is a well-formed id, otherwise throws naming {@code field}. */
    public static String require(String value, String field) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidIdException(field, value);
        }
        return value;
    }

    /** A new random id such as {@code ch_3f2c…}: a short type prefix and 32 hex digits. */
    public static String random(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
