package com.fastlightchat.edge.sdk.access;

import java.util.List;

/**
 * Whether a plugin key opens the environment a user token was issued for, and which web origins that environment
 * allows; the query side knows, Redis remembers it for a minute.
 */
public interface PluginKeys {

    /** What is known about a plugin key right now. */
    enum Verdict {
        /** The key opens the token's environment. */
        KNOWN,
        /** No environment has this key (never had, or it was rotated away), or the token is of another environment. */
        UNKNOWN,
        /** The query side did not answer: cannot tell. */
        UNAVAILABLE
    }

    /** The verdict, and for a known key its environment's allowed origins (empty: any site). */
    record Answer(Verdict verdict, List<String> allowedOrigins) {

        public static final Answer UNKNOWN = new Answer(Verdict.UNKNOWN, List.of());
        public static final Answer UNAVAILABLE = new Answer(Verdict.UNAVAILABLE, List.of());

        public Answer {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        public static Answer known(List<String> allowedOrigins) {
            return new Answer(Verdict.KNOWN, allowedOrigins);
        }
    }

    /**
     * @param pluginKey     as the client sent it
     * @param userToken     the client's verified user token
     * @param environmentId the environment the token names
     */
    Answer check(String pluginKey, String userToken, String environmentId);
}
