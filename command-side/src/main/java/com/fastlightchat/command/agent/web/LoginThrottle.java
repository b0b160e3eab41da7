package com.fastlightchat.command.agent.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.web.FailOpenRedis;
import com.fastlightchat.web.TooManyRequests;
import com.fastlightchat.web.WebProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Slows down password guessing ({@link CommandSideProperties.LoginThrottle}): failures are counted per login (its
 * SHA-256; whether an account has that login plays no part, so a lock tells nothing about existence) and per client
 * address, in Redis, shared by every instance. Each failure past the free ones locks for an exponentially growing
 * time. While Redis is away nothing is locked (fail open, logged and counted): passwords are still bcrypt-hashed.
 */
@Component
public class LoginThrottle {

    /** Counts a failure and, past the free ones, locks: answers the lock in milliseconds (0: none). */
    private static final RedisScript<Long> FAILED = RedisScript.of("""
            local failures = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            local over = failures - tonumber(ARGV[1])
            if over > 0 then
              local lock = math.floor(math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ (over - 1)))
              redis.call('SET', KEYS[2], '1', 'PX', lock)
              return lock
            end
            return 0
            """, Long.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOCKS = RedisScript.of(
            "return {redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2])}", List.class);

    private final StringRedisTemplate redis;
    private final CommandSideProperties.LoginThrottle config;
    private final String prefix;
    private final FailOpenRedis guard;

    public LoginThrottle(StringRedisTemplate redis, CommandSideProperties properties, WebProperties web,
                         ObjectProvider<MeterRegistry> registry) {
        this.redis = redis;
        this.config = properties.loginThrottle();
        this.prefix = web.rateLimit().keyPrefix() + "login:";
        this.guard = new FailOpenRedis("login-throttle", web.rateLimit().redisRetry(), registry.getIfAvailable());
    }

    /** Refuses (429) while the login or the address is locked. */
    public void check(String login, String address) {
        List<?> locks = guard.call(() -> redis.execute(LOCKS, List.of(account(login) + "lock", address(address) + "lock")))
                .orElse(List.of());
        long wait = locks.stream().mapToLong(ttl -> ((Number) ttl).longValue()).max().orElse(0);
        if (wait > 0) {
            throw new TooManyRequests("too many failed logins; try again later", Duration.ofMillis(wait));
        }
    }

    /** Counts a failed attempt for the login and the address. */
    public void failed(String login, String address) {
        fail(account(login), config.freeFailures());
        fail(address(address), config.freeFailuresPerAddress());
    }

    /** The login's failures are forgotten; the address's stay counted until they expire. */
    public void succeeded(String login) {
        guard.call(() -> redis.delete(List.of(account(login) + "failures", account(login) + "lock")));
    }

    private void fail(String key, int free) {
        guard.call(() -> redis.execute(FAILED, List.of(key + "failures", key + "lock"), String.valueOf(free),
                String.valueOf(config.firstLock().toMillis()), String.valueOf(config.maxLock().toMillis()),
                String.valueOf(config.memory().toMillis())));
    }

    private String account(String login) {
        return prefix + "account:" + ApiSecrets.hash(login) + ":";
    }

    private String address(String address) {
        return prefix + "address:" + (address == null ? "unknown" : address) + ":";
    }
}
