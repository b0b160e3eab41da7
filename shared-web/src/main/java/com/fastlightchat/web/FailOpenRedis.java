package com.fastlightchat.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls to Redis that protect the service (rate limits, login throttling) but must never take it down: when Redis
 * fails, the call answers "unknown" (the caller lets the request pass: fail open), logs one warning and counts
 * {@code flc.security.redis.unavailable{use}}, and Redis is not asked again for {@code retryAfter}, so that requests do
 * not each wait for a timeout while Redis is away.
 */
public final class FailOpenRedis {

    private static final Logger log = LoggerFactory.getLogger(FailOpenRedis.class);

    private final String use;
    private final long retryAfterNanos;
    private final Counter unavailable;
    private volatile long skipUntil = System.nanoTime();
    private volatile boolean down;

    /** @param registry may be null (no metrics) */
    public FailOpenRedis(String use, Duration retryAfter, MeterRegistry registry) {
        this.use = use;
        this.retryAfterNanos = retryAfter.toNanos();
        this.unavailable = registry == null ? null : Counter.builder("flc.security.redis.unavailable")
                .description("Calls to Redis that failed, so that a security check let the request pass")
                .tag("use", use).register(registry);
    }

    /** The call's answer, or empty when Redis failed now or a moment ago. */
    public <T> Optional<T> call(Supplier<T> call) {
        if (down && System.nanoTime() - skipUntil < 0) {
            count();
            return Optional.empty();
        }
        try {
            T answer = call.get();
            if (down) {
                down = false;
                log.info("Redis answers again: {} is enforced again", use);
            }
            return Optional.ofNullable(answer);
        } catch (RuntimeException e) {
            skipUntil = System.nanoTime() + retryAfterNanos;
            if (!down) {
                log.warn("Redis is unavailable: {} lets requests pass until it is back ({})", use, e.toString());
            }
            down = true;
            count();
            return Optional.empty();
        }
    }

    private void count() {
        if (unavailable != null) {
            unavailable.increment();
        }
    }
}
