package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.topic.Topics;

/** The aggregates whose events are published, each to its own topic. */
public enum AggregateType {
    ORGANIZATION(Topics.ORGANIZATION_EVENTS),
    ENVIRONMENT(Topics.ENVIRONMENT_EVENTS),
    AGENT(Topics.AGENT_EVENTS),
    USER(Topics.USER_EVENTS),
    CHAT(Topics.CHAT_EVENTS);

    private final String topic;

    AggregateType(String topic) {
        this.topic = topic;
    }

    /** The topic name without any deployment prefix. */
    public String topic() {
        return topic;
    }

    /** The lower-case name used in the envelope, e.g. {@code chat}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AggregateType fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
