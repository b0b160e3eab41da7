package com.fastlightchat.kernel.privacy;

/**
 * A subject's key could not be had right now (the key service did not answer, or answered something unexpected).
 * Transient: whoever reads the event must retry it later, never treat the data as erased or the event as malformed.
 */
public class KeysUnavailableException extends RuntimeException {
    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
