package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.fastlightchat.kernel.event.EventSamples.*;

/** Samples of agent events for {@link EventSamples}: one fully populated instance per type and version. */
final class AgentSamples {

    private AgentSamples() {
    }

    static Map<String, DomainEvent> all() {
        Map<String, DomainEvent> samples = new LinkedHashMap<>();
        samples.put(key("agent.added", 1), new AgentAdded(ORGANIZATION, AGENT, "maria.keller@acme.example",
                AgentEvent.Role.ADMIN, new PersonProfile("Maria Keller", "maria.keller@acme.example", "+49 30 901820")));
        samples.put(key("agent.password-set", 1), new AgentPasswordSet(ORGANIZATION, AGENT,
                "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
        return samples;
    }
}
