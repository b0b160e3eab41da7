package com.fastlightchat.edge.sdk.access;

import java.util.List;
import java.util.Objects;

/**
 * Which environment a plugin key opens, and which web origins that environment allows; the query side knows, Redis
 * remembers it for a minute.
 */
public interface PluginKeys {

    /** What is known about a plugin key right now. */
    enum Verdict {
        /** An environment has this key. */
        KNOWN,
        /** No environment has this key (never had, or it was rotated away). */
        UNKNOWN,
        /** The query side did not answer: cannot tell. */
        UNAVAILABLE
    }

    /**
     * The verdict on a key, and for a {@link Verdict#KNOWN known} one the environment it opens (null otherwise) with
     * the environment's allowed origins (empty: any site).
     */
    record Answer(Verdict verdict, String environmentId, List<String> allowedOrigins) {

        public static final Answer UNKNOWN = new Answer(Verdict.UNKNOWN, null, List.of());
        public static final Answer UNAVAILABLE = new Answer(Verdict.UNAVAILABLE, null, List.of());

        public Answer {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        public static Answer known(String environmentId, List<String> allowedOrigins) {
            return new Answer(Verdict.KNOWN, Objects.requireNonNull(environmentId, "environmentId"), allowedOrigins);
        }
    }

    Answer check(String pluginKey);
}
