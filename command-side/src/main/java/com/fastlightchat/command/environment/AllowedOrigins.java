package com.fastlightchat.command.environment;

import com.fastlightchat.web.Rejection;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for an environment's allowed origins: each is a web origin as a browser serializes it in the
 * {@code Origin} header — {@code http} or {@code https}, a host, an optional port; no path, query, fragment or user
 * info — so that it can be compared with that header exactly. Input is normalized the way browsers do (lower case,
 * internationalized names in punycode, the scheme's default port dropped, a trailing slash ignored); duplicates are
 * dropped, order kept.
 */
public final class AllowedOrigins {

    public static final int MAX_ORIGINS = 100;
    public static final int MAX_LENGTH = 253;
    /** Scheme, host (a name, an IPv4 address or a bracketed IPv6 address) and an optional port; nothing else. */
    private static final Pattern ORIGIN = Pattern.compile(
            "(?i)(https?)://([^\\s/?#@:\\[\\]]+|\\[[0-9a-f:.]+])(?::([0-9]{1,5}))?");

    private AllowedOrigins() {
    }

    /** @throws Rejection naming {@code allowedOrigins} or {@code allowedOrigins[i]} for anything else */
    public static List<String> normalize(List<String> origins) {
        if (origins == null) {
            throw Rejection.invalid("allowedOrigins", "is required (an empty list allows any site)");
        }
        if (origins.size() > MAX_ORIGINS) {
            throw Rejection.invalid("allowedOrigins", "at most " + MAX_ORIGINS + " origins");
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            normalized.add(origin(origins.get(i), "allowedOrigins[" + i + "]"));
        }
        return List.copyOf(normalized);
    }

    private static String origin(String value, String field) {
        String text = value == null ? "" : value.strip();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw Rejection.invalid(field, "must be an origin such as https://www.example.com (1-" + MAX_LENGTH
                    + " characters)");
        }
        Matcher origin = ORIGIN.matcher(text);
        if (!origin.matches()) {
            throw Rejection.invalid(field, "must be scheme://host[:port] (http or https), without path, query or user");
        }
        String scheme = origin.group(1).toLowerCase(Locale.ROOT);
        String host;
        try {
            host = IDN.toASCII(origin.group(2), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(field, "has an invalid host name");
        }
        if (host.isEmpty() || host.length() > MAX_LENGTH) {
            throw Rejection.invalid(field, "has an invalid host name");
        }
        int port = origin.group(3) == null ? -1 : Integer.parseInt(origin.group(3));
        if (port > 65535) {
            throw Rejection.invalid(field, "has a port beyond 65535");
        }
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
