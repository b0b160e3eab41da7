package com.fastlightchat.kernel.privacy;

/** A sealed value that does not open with its subject's key: altered, truncated, or moved from another subject. */
public class TamperedPersonalDataException extends IllegalArgumentException {
    public TamperedPersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
