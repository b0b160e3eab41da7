package com.fastlightchat.kernel.auth;

/** A token that is malformed, wrongly signed, expired or of the wrong kind. The message is safe to show. */
public final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
        super(message);
    }
}
