package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.edge.RealtimeEdgeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.http.HttpClient;

@Configuration(proxyBeanMethods = false)
class ChatAccessConfiguration {

    /** Closed with the context (Spring infers {@code close()}). */
    @Bean
    HttpClient querySideHttpClient(RealtimeEdgeProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.queryTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    ChatAccess chatAccess(RealtimeEdgeProperties properties, StringRedisTemplate redis, HttpClient http) {
        return new CachedChatAccess(redis, properties.redisKeyPrefix(), properties.authzCacheTtl(),
                new QuerySideChatAccess(http, properties.queryBaseUrl(), properties.queryTimeout()));
    }

    @Bean
    PluginKeys pluginKeys(RealtimeEdgeProperties properties, StringRedisTemplate redis, HttpClient http) {
        return new CachedPluginKeys(redis, properties.redisKeyPrefix(), properties.pluginKeyCacheTtl(),
                new QuerySidePluginKeys(http, properties.queryBaseUrl(), properties.queryTimeout()));
    }
}
