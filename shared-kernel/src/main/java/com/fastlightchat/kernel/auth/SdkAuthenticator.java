package com.fastlightchat.kernel.auth;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for SDK callers, used by every service: the plugin key must belong to a known environment, and the
 * user token must be valid and issued for that same environment and organization. Each service supplies its own
 * plugin-key look-up (an event-store side table, a read model, a cache).
 */
public final class SdkAuthenticator {

    /** The environment a plugin key belongs to. */
    public record EnvironmentRef(String organizationId, String environmentId) {
    }

    private final AccessTokens tokens;
    private final Function<String, Optional<EnvironmentRef>> pluginKeys;

    public SdkAuthenticator(AccessTokens tokens, Function<String, Optional<EnvironmentRef>> pluginKeys) {
        this.tokens = tokens;
        this.pluginKeys = pluginKeys;
    }

    /** The environment of a plugin key; throws {@link InvalidTokenException} if it is missing or unknown. */
    public EnvironmentRef environment(String pluginKey) {
        if (pluginKey == null || pluginKey.isBlank() || pluginKey.length() > 128) {
            throw new InvalidTokenException("plugin key is missing or malformed");
        }
        return pluginKeys.apply(pluginKey).orElseThrow(() -> new InvalidTokenException("plugin key is not valid"));
    }

    /** Checks both credentials; the exception's message is safe to return to the caller. */
    public SdkIdentity authenticate(String pluginKey, String userToken) {
        EnvironmentRef environment = environment(pluginKey);
        TokenClaims claims = tokens.verify(userToken, TokenClaims.Kind.USER);
        if (!environment.environmentId().equals(claims.environmentId())
                || !environment.organizationId().equals(claims.organizationId())) {
            throw new InvalidTokenException("user token was not issued for this plugin key");
        }
        return new SdkIdentity(environment.organizationId(), environment.environmentId(), claims.subject());
    }
}
