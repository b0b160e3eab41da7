package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of environment events for {@link EventSamples}: one fully populated instance per type and version. */
final class EnvironmentSamples {

    private EnvironmentSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("environment.created", 1), new EnvironmentCreated(ORGANIZATION, ENVIRONMENT, "production",
                "pk_live_5Qm2tY8vRk3wN7zB", "ak_live_J4d9XsP2hL6cV1qE",
                "sha256:cd60ff07298db7ce2b91b736bd0e2622a8a3df9b6adf0d0d3cde12ac783a5ace"));
        return samples;
    }
}
