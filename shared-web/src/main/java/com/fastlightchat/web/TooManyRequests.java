package com.fastlightchat.web;

import java.time.Duration;

/**
 * A request refused because its caller spent their budget (rate limit) or failed too often (login throttle).
 * {@link ProblemResponses} answers 429 with {@code Retry-After}. Nothing is written.
 */
public final class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** When the caller may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: the {@code Retry-After} header's value. */
    public long retryAfterSeconds() {
        long millis = Math.max(1, retryAfter.toMillis());
        return (millis + 999) / 1000;
    }
}
