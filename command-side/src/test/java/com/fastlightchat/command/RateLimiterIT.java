package com.fastlightchat.command;

import com.fastlightchat.testservers.FreePorts;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import com.fastlightchat.web.FailOpenRedis;
import com.fastlightchat.web.RateLimiter;
import com.fastlightchat.web.WebProperties.Limit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token buckets on a real Redis, as two service instances see them (two connections, two limiters): one budget
 * shared by both, refusals with a wait, and failing open when Redis cannot be reached.
 */
class RateLimiterIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(RateLimiterIT.class);

    private final List<LettuceConnectionFactory> connections = new ArrayList<>();

    @AfterEach
    void close() {
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void givenTwoInstances_whenBothSpendOneBucket_thenTheBudgetIsSharedAndTheNextRequestWaits() {
        RateLimiter first = limiter(ISOLATION.servers().redisPort(), new SimpleMeterRegistry());
        RateLimiter second = limiter(ISOLATION.servers().redisPort(), new SimpleMeterRegistry());
        String bucket = ISOLATION.redisKeyPrefix() + "shared:" + UUID.randomUUID();
        Limit limit = Limit.valueOf("10/1h");

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            allowed.add((i % 2 == 0 ? first : second).acquire(bucket, limit).allowed());
        }
        RateLimiter.Decision eleventh = second.acquire(bucket, limit);
        RateLimiter.Decision twelfth = first.acquire(bucket, limit);

        assertThat(allowed).containsOnly(true).hasSize(10);
        assertThat(eleventh.allowed()).isFalse();
        assertThat(twelfth.allowed()).isFalse();
        assertThat(eleventh.retryAfter()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(7));
        assertThat(first.acquire(bucket + ":other", limit).allowed()).as("another bucket").isTrue();
    }

    @Test
    void givenAQuickRefill_whenTheBucketIsEmpty_thenItAllowsAgainAfterTheWaitItTold() {
        RateLimiter limiter = limiter(ISOLATION.servers().redisPort(), new SimpleMeterRegistry());
        String bucket = ISOLATION.redisKeyPrefix() + "refill:" + UUID.randomUUID();
        Limit limit = Limit.valueOf("2/400ms");
        limiter.acquire(bucket, limit);
        limiter.acquire(bucket, limit);

        RateLimiter.Decision refused = limiter.acquire(bucket, limit);

        assertThat(refused.allowed()).isFalse();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollDelay(refused.retryAfter())
                .until(() -> limiter.acquire(bucket, limit).allowed());
    }

    @Test
    void givenRedisUnreachable_whenLimiting_thenEveryRequestPassesAndTheFailureIsCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RateLimiter limiter = limiter(new FreePorts().orFree(0), registry);
        Limit limit = Limit.valueOf("1/1h");

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            allowed.add(limiter.acquire("any", limit).allowed());
        }

        assertThat(allowed).containsOnly(true);
        assertThat(registry.get("flc.security.redis.unavailable").counter().count()).isEqualTo(5);
    }

    private RateLimiter limiter(int port, SimpleMeterRegistry registry) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(ISOLATION.servers().redisHost(), port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        return new RateLimiter(redis, new FailOpenRedis("test", Duration.ofSeconds(30), registry));
    }
}
