package com.fastlightchat.kernel.event;

import java.util.Objects;

/** Who did something: an end user, an agent, a bot or the system itself (timers, routing). */
public record Actor(Kind kind, String id) {
    public enum Kind { USER, AGENT, BOT, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor user(String id) {
        return new Actor(Kind.USER, id);
    }

    public static Actor agent(String id) {
        return new Actor(Kind.AGENT, id);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "system");
    }
}
