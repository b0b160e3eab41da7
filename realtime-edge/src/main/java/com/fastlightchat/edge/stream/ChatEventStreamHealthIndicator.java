package com.fastlightchat.edge.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Up once the stream reads every partition of its topic; down while it waits for the topic or the broker. */
public final class ChatEventStreamHealthIndicator implements HealthIndicator {

    private final ChatEventStream stream;

    public ChatEventStreamHealthIndicator(ChatEventStream stream) {
        this.stream = stream;
    }

    @Override
    public Health health() {
        Health.Builder builder = stream.isLive() ? Health.up() : Health.down();
        return builder.withDetail("topic", stream.topic()).build();
    }
}
