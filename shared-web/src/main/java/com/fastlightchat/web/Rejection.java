package com.fastlightchat.web;

/**
 * A command or request that is refused, with what the caller must be told. Thrown by aggregates and web
 * adapters alike; {@link ProblemResponses} turns it into an RFC 9457 problem. Nothing is written when a
 * rejection is thrown: it rolls back the unit of work.
 */
public final class Rejection extends RuntimeException {

    /** The kind decides the HTTP status and the problem {@code type}. */
    public enum Kind {
        INVALID(422, "invalid-input"),
        UNAUTHENTICATED(401, "unauthenticated"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not-found"),
        CONFLICT(409, "conflict");

        private final int status;
        private final String slug;

        Kind(int status, String slug) {
            this.status = status;
            this.slug = slug;
        }

        public int status() {
            return status;
        }

        public String slug() {
            return slug;
        }
    }

    private final Kind kind;
    private final String field;

    private Rejection(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    /** Input {@code field} is unacceptable; the message says why. */
    public static Rejection invalid(String field, String message) {
        return new Rejection(Kind.INVALID, field, message);
    }

    public static Rejection unauthenticated(String message) {
        return new Rejection(Kind.UNAUTHENTICATED, null, message);
    }

    /** A credential given in input {@code field} is wrong. */
    public static Rejection unauthenticated(String field, String message) {
        return new Rejection(Kind.UNAUTHENTICATED, field, message);
    }

    public static Rejection forbidden(String message) {
        return new Rejection(Kind.FORBIDDEN, null, message);
    }

    /** Also used for things of another tenant, so that their existence does not leak. */
    public static Rejection notFound(String what) {
        return new Rejection(Kind.NOT_FOUND, null, what + " not found");
    }

    public static Rejection conflict(String field, String message) {
        return new Rejection(Kind.CONFLICT, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
