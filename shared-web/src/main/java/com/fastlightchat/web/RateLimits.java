package com.fastlightchat.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.kernel.auth.IntegrationIdentity;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.web.WebProperties.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * Which budgets a request spends: an SDK call its environment's (the plugin key's) and its end user's, a dashboard
 * call its agent's, an integration call its API key's, and a call without a valid credential its client address's.
 * Buckets are per service ({@code <prefix><service>:<kind>:<id>}): the command side and the query side count
 * separately. A spent budget is a {@link TooManyRequests} (429 with {@code Retry-After}); nothing else happens.
 */
public final class RateLimits {

    /** The kinds of caller that have a budget, as named in settings and metrics. */
    public enum Kind {
        PLUGIN_KEY, USER, AGENT, API_KEY, ADDRESS;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final RateLimiter limiter;
    private final WebProperties.RateLimit config;
    private final String prefix;
    private final MeterRegistry registry;

    /** @param registry may be null (no metrics) */
    public RateLimits(RateLimiter limiter, WebProperties.RateLimit config, String service, MeterRegistry registry) {
        this.limiter = limiter;
        this.config = config;
        this.prefix = config.keyPrefix() + service + ":";
        this.registry = registry;
    }

    /** Spends the budgets of an authenticated caller (one of the {@link Callers} types). */
    public void charge(Object caller) {
        switch (caller) {
            case SdkIdentity user -> {
                spend(Kind.PLUGIN_KEY, user.environmentId(), config.pluginKey());
                spend(Kind.USER, user.userId(), config.user());
            }
            case EnvironmentRef environment -> spend(Kind.PLUGIN_KEY, environment.environmentId(), config.pluginKey());
            case AgentIdentity agent -> spend(Kind.AGENT, agent.agentId(), config.agent());
            case IntegrationIdentity integration -> spend(Kind.API_KEY, ApiSecrets.hash(integration.apiKey()), config.apiKey());
            default -> {
            }
        }
    }

    /** Spends the budget of a client address (calls without a credential, or with one that was refused). */
    public void chargeAddress(String address) {
        spend(Kind.ADDRESS, address == null ? "unknown" : address, config.address());
    }

    private void spend(Kind kind, String id, Limit limit) {
        RateLimiter.Decision decision = limiter.acquire(prefix + kind.tag() + ":" + id, limit);
        if (!decision.allowed()) {
            if (registry != null) {
                Counter.builder("flc.security.rate.limited").description("Requests refused by a rate limit")
                        .tag("kind", kind.tag()).register(registry).increment();
            }
            throw new TooManyRequests("too many requests for this " + kind.tag().replace('-', ' ')
                    + " (at most " + limit.requests() + " per " + limit.period().toSeconds() + " s); retry later",
                    decision.retryAfter());
        }
    }
}
