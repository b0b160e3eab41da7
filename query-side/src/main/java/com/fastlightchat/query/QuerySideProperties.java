package com.fastlightchat.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings of the query side ({@code flc.query.*}).
 *
 * @param tokenSecret HS256 key shared with the command side, to verify tokens; never committed
 * @param topicPrefix prefix of every Kafka topic name and consumer group (may be empty)
 * @param adminToken  operator token for {@code /v1/admin/**} (rebuilds) in {@code X-Admin-Token}; unset disables them
 * @param commandBaseUrl the command side, whose internal endpoint hands out end users' data keys
 * @param serviceToken the command side's {@code flc.command.service-token}, to fetch those keys; never committed.
 *                     Without it, events holding personal data cannot be projected (they are retried until it is set)
 * @param tokenPreviousSecrets earlier signing keys, still accepted to verify tokens issued before a key rotation
 */
@ConfigurationProperties("flc.query")
public record QuerySideProperties(String tokenSecret, @DefaultValue("") String topicPrefix, String adminToken,
                                  @DefaultValue("http://localhost:8081") String commandBaseUrl, String serviceToken,
                                  @DefaultValue List<String> tokenPreviousSecrets) {
}
