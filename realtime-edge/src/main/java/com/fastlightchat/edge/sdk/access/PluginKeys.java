package com.fastlightchat.edge.sdk.access;

/** Which environment a plugin key opens; the query side knows, Redis remembers it for a minute. */
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

    Verdict check(String pluginKey);
}
