package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.edge.stream.ErasureHandler;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.id.ChatId;
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
    RecentEvents recentEvents(StringRedisTemplate redis, RealtimeEdgeProperties properties, EnvelopeCodec codec) {
        return new RecentEvents(redis, properties.redisKeyPrefix(), properties.recentEvents(),
                properties.recentEventsTtl(), properties.chatOrganizationTtl(), codec);
    }

    /** An erased user's chats lose their recent-events windows (resumes then ask the query side, which scrubbed). */
    @Bean
    ErasureHandler recentWindowsOfErasedChats(RecentEvents recent) {
        return erased -> recent.forget(erased.chatIds().stream().map(ChatId::value).toList());
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
