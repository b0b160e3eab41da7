package com.fastlightchat.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

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
        @DefaultValue("20000") int aggregateCacheSize) {
}
