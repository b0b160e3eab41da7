package com.fastlightchat.command.platform;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.kernel.auth.AccessTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class TokenConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccessTokens accessTokens(CommandSideProperties properties, Clock clock) {
        return AccessTokens.fromSecrets(properties.tokenSecret(), properties.tokenPreviousSecrets(), clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
