package com.fastlightchat.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the command side ({@code flc.command.*}).
 *
 * @param tokenSecret       HS256 key shared with the other services; at least 32 bytes; never committed
 * @param topicPrefix       prefix in front of every Kafka topic name (may be empty)
 * @param topicPartitions   partitions for topics this service creates
 * @param topicReplicas     replication factor for topics this service creates
 * @param agentTokenTtl     lifetime of an agent's access token
 * @param userTokenTtl      lifetime of an end user's SDK token
 * @param signupToken       when set, {@code POST /v1/signup} requires it in {@code X-Signup-Token}
 * @param publishTimeout    how long one publication to Kafka may take before the publisher backs off and retries
 * @param refreshTokenTtl   lifetime of an agent's refresh token
 * @param secretsKey        base64 of a 256-bit AES key that encrypts secrets the server must read back (e.g. the
 *                          environment secret that signs member hashes); never committed
 * @param schedulerPollInterval how often due deadlines (snoozed chats waking up) are looked for
 * @param snapshotThreshold events after which an aggregate (a long chat) is snapshotted
 * @param invitationTtl     how long an agent's invitation token may be redeemed
 * @param serviceToken      the token the query side and the realtime edge present ({@code X-Service-Token}) to fetch
 *                          end users' data keys from {@code /internal/v1/personal-data-keys}; unset disables that
 *                          endpoint; never committed
 * @param tokenPreviousSecrets earlier signing keys, still accepted to verify tokens issued before a key rotation
 *                          (each at least 32 bytes); remove one once the longest token lifetime has passed
 * @param loginThrottle     how failed logins slow down further attempts
 * @param aggregateCacheSize aggregates (chats, users, agents…) kept in memory between commands, least recently used
 *                          dropped first
 */
@ConfigurationProperties("flc.command")
public record CommandSideProperties(
        String tokenSecret,
        @DefaultValue("") String topicPrefix,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("1h") Duration agentTokenTtl,
        @DefaultValue("30d") Duration userTokenTtl,
        String signupToken,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("30d") Duration refreshTokenTtl,
        String secretsKey,
        @DefaultValue("1s") Duration schedulerPollInterval,
        @DefaultValue("250") int snapshotThreshold,
        @DefaultValue("7d") Duration invitationTtl,
        String serviceToken,
        @DefaultValue List<String> tokenPreviousSecrets,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue("20000") int aggregateCacheSize) {

    /**
     * Failed logins (wrong password, or an unknown login: the two are never told apart) are counted per login and per
     * client address, in Redis. After {@code freeFailures} failures of a login (or {@code freeFailuresPerAddress} from
     * one address) within {@code memory} of each other, every further failure locks it for {@code firstLock},
     * doubling each time up to {@code maxLock}; a locked login or address gets 429 with {@code Retry-After}, even with
     * the right password. A successful login clears its login's count.
     */
    public record LoginThrottle(@DefaultValue("5") int freeFailures,
                                @DefaultValue("20") int freeFailuresPerAddress,
                                @DefaultValue("1s") Duration firstLock,
                                @DefaultValue("15m") Duration maxLock,
                                @DefaultValue("1h") Duration memory) {
    }
}
