package com.fastlightchat.edge.unread;

import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.edge.agent.AgentNamespace;
import com.fastlightchat.edge.sdk.SdkNamespace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.http.HttpClient;

@Configuration(proxyBeanMethods = false)
class UnreadConfiguration {

    @Bean
    QuerySideUnread querySideUnread(HttpClient http, RealtimeEdgeProperties properties) {
        return new QuerySideUnread(http, properties.queryBaseUrl(), properties.queryTimeout());
    }

    @Bean
    UnreadBadges unreadBadges(StringRedisTemplate redis, RealtimeEdgeProperties properties, SdkNamespace users,
                              AgentNamespace agents) {
        return new UnreadBadges(new UnreadStore(redis, properties.redisKeyPrefix(), properties.unreadTtl()),
                users.namespace(), agents.namespace());
    }
}
