package com.fastlightchat.command.platform;

import com.fastlightchat.command.CommandSideProperties;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hot aggregates stay in memory between commands, so a busy chat is not replayed (or read from its snapshot) on
 * every message: the {@code flc.command.aggregate-cache-size} most recently used ones ({@link BoundedCache}; weak
 * references were cleared at every garbage collection, and under load a third of the command side's CPU went into
 * replaying chats). If another instance changed the aggregate meanwhile, the append conflicts, the entry is dropped,
 * and the command is retried on fresh state ({@link ConflictRetries}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    Cache aggregateCache(CommandSideProperties properties) {
        return new BoundedCache(properties.aggregateCacheSize());
    }
}
