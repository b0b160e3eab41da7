package com.fastlightchat.kernel.topic;

import java.util.List;

/**
 * The Kafka topics of the public event stream, one per aggregate type, keyed by aggregate id so that Kafka keeps
 * per-aggregate order. A deployment may put a prefix in front of every name (e.g. {@code staging.}); tests use a
 * prefix per test class so that they never see each other's events.
 */
public final class Topics {
    public static final String ORGANIZATION_EVENTS = "organization-events";
    public static final String ENVIRONMENT_EVENTS = "environment-events";
    public static final String AGENT_EVENTS = "agent-events";
    public static final String USER_EVENTS = "user-events";
    public static final String CHAT_EVENTS = "chat-events";

    public static final List<String> ALL =
            List.of(ORGANIZATION_EVENTS, ENVIRONMENT_EVENTS, AGENT_EVENTS, USER_EVENTS, CHAT_EVENTS);

    private Topics() {
    }

    /** {@code topic} with the deployment prefix, which may be empty. */
    public static String prefixed(String prefix, String topic) {
        return prefix == null ? topic : prefix + topic;
    }
}
