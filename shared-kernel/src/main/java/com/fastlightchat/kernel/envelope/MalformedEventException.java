package com.fastlightchat.kernel.envelope;

/** Bytes that are not a well-formed event envelope. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
