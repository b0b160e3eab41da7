package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.CallerAuthenticator;
import com.fastlightchat.kernel.auth.SdkAuthenticator;
import com.fastlightchat.query.QuerySideProperties;
import com.fastlightchat.query.environment.Environments;
import com.fastlightchat.web.SdkOrigins;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

@Configuration(proxyBeanMethods = false)
public class Security {

    @Bean
    AccessTokens accessTokens(QuerySideProperties properties) {
        return AccessTokens.fromSecrets(properties.tokenSecret(), properties.tokenPreviousSecrets(), Clock.systemUTC());
    }

    /**
     * Dashboard agents by their access token. Backend integrations are not served by the query side yet (the
     * environments read model holds no secret hashes), so every API key is refused.
     */
    @Bean
    CallerAuthenticator callerAuthenticator(AccessTokens tokens) {
        return new CallerAuthenticator(tokens, apiKey -> Optional.empty(), agent -> true);
    }

    /** The per-environment CORS allowlist of SDK calls, from the environments read model. */
    @Bean
    SdkOrigins sdkOrigins(Environments environments) {
        return environments::allowedOrigins;
    }

    /** SDK callers are checked against the environments read model. */
    @Bean
    SdkAuthenticator sdkAuthenticator(AccessTokens tokens, Environments environments) {
        return new SdkAuthenticator(tokens, environments::byPluginKey);
    }
}
