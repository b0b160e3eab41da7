package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.EnvironmentEvent.AllowedOriginsChanged;
import com.fastlightchat.kernel.event.EnvironmentEvent.ApiKeyRotated;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.MemberSecretIssued;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;

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
        samples.put(key("environment.member-secret-issued", 1), new MemberSecretIssued(ORGANIZATION, ENVIRONMENT,
                "3fa85f64", Actor.agent(AGENT.value())));
        samples.put(key("environment.api-key-rotated", 1), new ApiKeyRotated(ORGANIZATION, ENVIRONMENT,
                "ak_8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "ak_live_J4d9XsP2hL6cV1qE", Actor.agent(AGENT.value())));
        samples.put(key("environment.plugin-key-rotated", 1), new PluginKeyRotated(ORGANIZATION, ENVIRONMENT,
                "pk_0a1b2c3d4e5f60718293a4b5c6d7e8f9", "pk_live_5Qm2tY8vRk3wN7zB", Actor.agent(AGENT.value())));
        samples.put(key("environment.allowed-origins-changed", 1), new AllowedOriginsChanged(ORGANIZATION, ENVIRONMENT,
                List.of("https://www.example.com", "https://shop.example.com:8443"), Actor.agent(AGENT.value())));
        return samples;
    }
}
