package com.fastlightchat.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * HTTP settings every service shares ({@code flc.web.*}).
 *
 * @param allowedOrigins browser origins of the dashboard (agent console) allowed to call the non-SDK API
 * @param maxBodySize    request bodies above this are refused with a 413 problem before anything reads them
 * @param hstsMaxAge     when above zero, every response carries {@code Strict-Transport-Security} with this max-age
 *                       (set it in production, where TLS ends in front of the service)
 * @param rateLimit      request budgets per caller, shared by every instance through Redis
 */
@ConfigurationProperties("flc.web")
public record WebProperties(@DefaultValue List<String> allowedOrigins,
                            @DefaultValue("64KB") DataSize maxBodySize,
                            @DefaultValue("0s") Duration hstsMaxAge,
                            @DefaultValue RateLimit rateLimit) {

    public WebProperties {
        allowedOrigins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    /**
     * Token buckets per caller kind, written {@code <requests>/<period>} (e.g. {@code 300/1m}): a caller may spend
     * up to {@code requests} at once, and the budget refills evenly over {@code period}.
     *
     * @param enabled     off: no request is ever limited
     * @param keyPrefix   prefix of the Redis keys of the buckets
     * @param redisRetry  after a Redis failure, requests pass unlimited (fail open) for this long before Redis is
     *                    asked again
     * @param pluginKey   per environment (its plugin key), every SDK call together
     * @param user        per end user (SDK calls with a user token)
     * @param agent       per agent (dashboard calls with an access token)
     * @param apiKey      per API key (backend integrations)
     * @param address     per client address, for calls without a credential and calls whose credential is refused
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("flc:rl:") String keyPrefix,
                            @DefaultValue("5s") Duration redisRetry,
                            @DefaultValue("30000/1m") Limit pluginKey,
                            @DefaultValue("300/1m") Limit user,
                            @DefaultValue("1200/1m") Limit agent,
                            @DefaultValue("3000/1m") Limit apiKey,
                            @DefaultValue("300/1m") Limit address) {
    }

    /** {@code requests} per {@code period}, written {@code 300/1m}. */
    public record Limit(long requests, Duration period) {

        public Limit {
            if (requests < 1 || period == null || period.toMillis() < 1) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per at least 1 ms");
            }
        }

        /** Parses {@code <requests>/<period>}, the period in Spring's style ({@code 1m}, {@code 10s}, {@code 1h}). */
        public static Limit valueOf(String text) {
            String[] parts = text.strip().split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a rate limit is written <requests>/<period>, e.g. 300/1m: " + text);
            }
            return new Limit(Long.parseLong(parts[0].strip()),
                    org.springframework.boot.convert.DurationStyle.detectAndParse(parts[1].strip()));
        }

        @Override
        public String toString() {
            return requests + "/" + period;
        }
    }
}
