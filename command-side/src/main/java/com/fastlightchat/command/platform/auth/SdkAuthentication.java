package com.fastlightchat.command.platform.auth;

import com.fastlightchat.command.agent.AgentLogins;
import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.CallerAuthenticator;
import com.fastlightchat.kernel.auth.CallerAuthenticator.ApiKeyRecord;
import com.fastlightchat.kernel.auth.SdkAuthenticator;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.web.SdkOrigins;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Callers are checked against the command side's own key and login tables, which are always current. */
@Configuration(proxyBeanMethods = false)
public class SdkAuthentication {

    @Bean
    SdkAuthenticator sdkAuthenticator(AccessTokens tokens, EnvironmentKeys keys) {
        return new SdkAuthenticator(tokens, pluginKey -> keys.byPluginKey(pluginKey)
                .map(owner -> new EnvironmentRef(owner.organizationId().value(), owner.environmentId().value())));
    }

    /** The per-environment CORS allowlist, from the same table as the plugin keys. */
    @Bean
    SdkOrigins sdkOrigins(EnvironmentKeys keys) {
        return keys::allowedOrigins;
    }

    @Bean
    CallerAuthenticator callerAuthenticator(AccessTokens tokens, EnvironmentKeys keys, AgentLogins logins) {
        return new CallerAuthenticator(tokens,
                apiKey -> keys.byApiKey(apiKey).map(owner -> new ApiKeyRecord(owner.organizationId().value(),
                        owner.environmentId().value(), owner.apiSecretHash())),
                agent -> logins.isActiveInRole(agent.agentId(), agent.role()));
    }
}
