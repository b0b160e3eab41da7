package com.fastlightchat.kernel.id;

/** A malformed id; {@link #field()} names the input that carried it so the boundary can say which. */
public final class InvalidIdException extends IllegalArgumentException {
    private final String field;

    public InvalidIdException(String field, String value) {
        super(field + " must be 1-64 letters, digits, '_' or '-' (got " + describe(value) + ")");
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static String describe(String value) {
        if (value == null) {
            return "nothing";
        }
        return value.length() > 70 ? value.length() + " characters" : "'" + value + "'";
    }
}
