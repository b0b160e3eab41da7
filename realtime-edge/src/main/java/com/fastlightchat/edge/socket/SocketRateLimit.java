package com.fastlightchat.edge.socket;

/**
 * The event budget of one socket: a token bucket of {@code burst} events refilled at {@code ratePerSecond}. A socket
 * lives on one edge instance, so the bucket is local. Events refused in a row are counted: reaching
 * {@code abuseLimit} means the client ignores the refusals, and it is disconnected. Time is passed in (nanoseconds),
 * so the rule is tested without waiting. Used from the socket's event loop only, but safe from any thread.
 */
public final class SocketRateLimit {

    /** @see com.fastlightchat.edge.RealtimeEdgeProperties#socketEventRate() */
    public record Settings(int ratePerSecond, int burst, int abuseLimit) {

        public Settings {
            if (ratePerSecond < 1 || burst < 1 || abuseLimit < 1) {
                throw new IllegalArgumentException("socket rate limits must be positive");
            }
        }
    }

    /** What happens to one event. */
    public enum Verdict {
        ALLOWED,
        /** Refused; the first refusal after an allowed event. */
        REFUSED_FIRST,
        REFUSED,
        /** Refused, and the client keeps going: disconnect it. */
        ABUSE
    }

    private final Settings settings;
    private double tokens;
    private long refilledAt;
    private int refusedInARow;

    public SocketRateLimit(Settings settings, long now) {
        this.settings = settings;
        this.tokens = settings.burst();
        this.refilledAt = now;
    }

    public synchronized Verdict take(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(settings.burst(), tokens + elapsed * settings.ratePerSecond() / 1e9);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.ALLOWED;
        }
        refusedInARow++;
        if (refusedInARow >= settings.abuseLimit()) {
            return Verdict.ABUSE;
        }
        return refusedInARow == 1 ? Verdict.REFUSED_FIRST : Verdict.REFUSED;
    }

    /** How long until the next event would be allowed, in milliseconds (at least 1). */
    public synchronized long retryAfterMillis() {
        return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / settings.ratePerSecond()));
    }
}
