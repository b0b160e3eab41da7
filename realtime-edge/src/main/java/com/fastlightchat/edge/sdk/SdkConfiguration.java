package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.SocketIOServer;
import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.edge.sdk.access.ChatAccess;
import com.fastlightchat.kernel.auth.AccessTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class SdkConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fails the start when the secret is missing or shorter than 32 bytes. */
    @Bean
    AccessTokens accessTokens(RealtimeEdgeProperties properties, Clock clock) {
        return AccessTokens.fromSecret(properties.tokenSecret(), clock);
    }

    @Bean
    SdkHandshakes sdkHandshakes(AccessTokens tokens) {
        return new SdkHandshakes(tokens);
    }

    @Bean
    SdkNamespace sdkNamespace(SocketIOServer server, SdkHandshakes handshakes, ChatAccess access) {
        return new SdkNamespace(server, handshakes, access);
    }

    @Bean
    SdkEventFanOut sdkEventFanOut(SdkNamespace namespace) {
        return new SdkEventFanOut(namespace.namespace());
    }
}
