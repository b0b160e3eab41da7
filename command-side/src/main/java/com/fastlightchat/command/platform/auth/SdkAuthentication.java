package com.fastlightchat.command.platform.auth;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.SdkAuthenticator;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SDK callers are checked against the command side's own key table, which is always current. */
@Configuration(proxyBeanMethods = false)
public class SdkAuthentication {

    @Bean
    SdkAuthenticator sdkAuthenticator(AccessTokens tokens, EnvironmentKeys keys) {
        return new SdkAuthenticator(tokens, pluginKey -> keys.byPluginKey(pluginKey)
                .map(owner -> new EnvironmentRef(owner.organizationId().value(), owner.environmentId().value())));
    }
}
