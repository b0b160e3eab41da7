package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.RealtimeEdgeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** Chats whose organization and newest sequence this instance remembers. */
    static final int CHAT_HEADS = 100_000;

    @Bean
    ChatHeads chatHeads() {
        return new ChatHeads(CHAT_HEADS);
    }

    @Bean
    RecentEvents recentEvents(StringRedisTemplate redis, RealtimeEdgeProperties properties) {
        return new RecentEvents(redis, properties.redisKeyPrefix(), properties.recentEvents(),
                properties.recentEventsTtl(), properties.chatOrganizationTtl());
    }

    @Bean
    Subscriptions subscriptions() {
        return new Subscriptions();
    }

    @Bean
    ChatDelivery chatDelivery(ChatHeads heads, RecentEvents recent, Subscriptions subscriptions,
                              RealtimeEdgeProperties properties) {
        return new ChatDelivery(heads, recent, subscriptions, new CatchUp(recent, heads, properties.recentEvents()));
    }
}
