package com.fastlightchat.command.platform;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hot aggregates stay in memory between commands, so a busy chat is not replayed (or read from its snapshot) on
 * every message. Entries go when memory is needed (weak references). If another instance changed the aggregate
 * meanwhile, the append conflicts, the entry is dropped, and the command is retried on fresh state
 * ({@link ConflictRetries}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }
}
