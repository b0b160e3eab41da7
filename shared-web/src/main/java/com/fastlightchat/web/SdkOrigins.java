package com.fastlightchat.web;

import java.util.List;
import java.util.Optional;

/**
 * The per-environment CORS allowlist, by plugin key: the web origins whose pages may use the key. A service that
 * serves SDK calls provides it from its own look-ups; {@link SdkOriginCheck} enforces it.
 */
@FunctionalInterface
public interface SdkOrigins {

    /**
     * @return the environment's allowed origins (empty: any site), or empty when no environment has this key (the
     *         call is then refused by authentication anyway)
     */
    Optional<List<String>> allowedOrigins(String pluginKey);
}
