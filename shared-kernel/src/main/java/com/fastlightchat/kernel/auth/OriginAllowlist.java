package com.fastlightchat.kernel.auth;

import java.util.List;
import java.util.Locale;

/**
 * The one rule of an environment's allowed web origins, used by every service that serves the SDK: an empty
 * allowlist allows any site; otherwise a browser's {@code Origin} must be one of the listed origins exactly (they are
 * kept as browsers serialize them, so only case is ignored). A request without {@code Origin} is not a browser's and
 * is not judged by this rule.
 */
public final class OriginAllowlist {

    private OriginAllowlist() {
    }

    /** Whether a browser page of {@code origin} may use a plugin key whose environment allows {@code allowlist}. */
    public static boolean allows(List<String> allowlist, String origin) {
        return allowlist.isEmpty() || (origin != null && allowlist.contains(origin.strip().toLowerCase(Locale.ROOT)));
    }

    /** The stored form of an allowlist in the services' tables: origins separated by single spaces. */
    public static String format(List<String> origins) {
        return String.join(" ", origins);
    }

    /** An allowlist from its {@linkplain #format stored form}. */
    public static List<String> parse(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.strip().split(" +"));
    }
}
