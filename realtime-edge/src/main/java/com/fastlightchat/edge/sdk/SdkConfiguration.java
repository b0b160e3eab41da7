package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.SocketIOServer;
import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.edge.delivery.ChatDelivery;
import com.fastlightchat.edge.live.Presence;
import com.fastlightchat.edge.live.TeamAvailability;
import com.fastlightchat.edge.privacy.KeyWarmer;
import com.fastlightchat.edge.live.Typing;
import com.fastlightchat.edge.sdk.access.ChatAccess;
import com.fastlightchat.edge.sdk.access.PluginKeys;
import com.fastlightchat.edge.sdk.access.QuerySideMessages;
import com.fastlightchat.edge.socket.ChatRequestHandlers;
import com.fastlightchat.edge.socket.SocketRateLimit;
import com.fastlightchat.edge.unread.QuerySideUnread;
import com.fastlightchat.edge.unread.UnreadBadges;
import com.fastlightchat.kernel.auth.AccessTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
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
        return AccessTokens.fromSecrets(properties.tokenSecret(), properties.tokenPreviousSecrets(), clock);
    }

    @Bean
    SdkHandshakes sdkHandshakes(AccessTokens tokens, PluginKeys pluginKeys) {
        return new SdkHandshakes(tokens, pluginKeys);
    }

    @Bean
    SdkNamespace.Limits socketLimits(RealtimeEdgeProperties properties) {
        return new SdkNamespace.Limits(properties.maxBacklog(), properties.maxCatchUpBuffer());
    }

    @Bean
    SocketRateLimit.Settings socketRateLimits(RealtimeEdgeProperties properties) {
        return new SocketRateLimit.Settings(properties.socketEventRate(), properties.socketEventBurst(),
                properties.socketAbuseLimit());
    }

    @Bean
    QuerySideMessages querySideMessages(HttpClient http, RealtimeEdgeProperties properties) {
        return new QuerySideMessages(http, properties.queryBaseUrl(), properties.queryTimeout(),
                properties.catchUpLimit());
    }

    @Bean
    SdkNamespace sdkNamespace(SocketIOServer server, SdkHandshakes handshakes, ChatAccess access,
                              QuerySideMessages messages, Presence presence, TeamAvailability team,
                              SdkNamespace.Limits limits, KeyWarmer keyWarmer) {
        return new SdkNamespace(server, handshakes, access, messages, presence, team, limits, keyWarmer);
    }

    @Bean
    ChatRequestHandlers sdkRequests(SdkNamespace namespace, ChatDelivery delivery, Typing typing,
                                    UnreadBadges badges, QuerySideUnread querySideUnread,
                                    SocketRateLimit.Settings limits) {
        return new ChatRequestHandlers(namespace.namespace(), delivery, typing, badges, querySideUnread, limits);
    }

    @Bean
    SdkEventFanOut sdkEventFanOut(SdkNamespace namespace) {
        return new SdkEventFanOut(namespace.namespace());
    }
}
