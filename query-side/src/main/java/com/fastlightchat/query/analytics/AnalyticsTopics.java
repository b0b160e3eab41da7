package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.topic.Topics;

/**
 * The topics the analytics topology reads and writes, declared once. It reads the public {@code chat-events} and
 * {@code organization-events}; it writes the full state of every changed bucket to {@code analytics-buckets} and
 * of every changed live backlog to {@code analytics-live} (compacted, keyed by bucket id and organization id),
 * which the sink materializes into PostgreSQL.
 */
public record AnalyticsTopics(String chatEvents, String organizationEvents, String buckets, String live) {

    public static final String BUCKETS = "analytics-buckets";
    public static final String LIVE = "analytics-live";

    /** The topics of a deployment whose topic names start with {@code prefix} (may be empty). */
    public static AnalyticsTopics withPrefix(String prefix) {
        return new AnalyticsTopics(Topics.prefixed(prefix, Topics.CHAT_EVENTS),
                Topics.prefixed(prefix, Topics.ORGANIZATION_EVENTS), Topics.prefixed(prefix, BUCKETS),
                Topics.prefixed(prefix, LIVE));
    }
}
