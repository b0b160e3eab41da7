package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.UserEvent.UserBooted;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of end-user events for {@link EventSamples}: one fully populated instance per type and version. */
final class UserSamples {

    private UserSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("user.booted", 1), new UserBooted(ORGANIZATION, USER, ENVIRONMENT,
                "veil_9b7fc8e0d3e2486b9003e973e36df56d"));
        return samples;
    }
}
