package com.fastlightchat.web;

import com.fastlightchat.kernel.auth.OriginAllowlist;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Enforces an environment's allowed origins on SDK calls. A browser's preflight carries no plugin key, so it is
 * answered as for any site ({@link CrossOrigin}); the actual request is checked here, before Spring MVC adds any CORS
 * header: when it has an {@code Origin} and the plugin key's environment has a non-empty allowlist without that
 * origin, it is refused with a 403 problem ({@code origin-not-allowed}) without {@code Access-Control-Allow-Origin},
 * so the page cannot read the answer either, and nothing changes. Calls without {@code Origin} (servers, apps) are
 * not browsers' and pass.
 */
public class SdkOriginCheck extends OncePerRequestFilter implements Ordered {

    static final int ORDER = AddressRateLimit.ORDER + 10;
    public static final String PROBLEM = "origin-not-allowed";

    private final SdkOrigins origins;

    public SdkOriginCheck(SdkOrigins origins) {
        this.origins = origins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) == null || request.getHeader(Callers.PLUGIN_KEY_HEADER) == null
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String pluginKey = request.getHeader(Callers.PLUGIN_KEY_HEADER);
        if (pluginKey.length() <= 128 && !OriginAllowlist.allows(origins.allowedOrigins(pluginKey).orElse(List.of()), origin)) {
            ProblemResponses.write(response, 403, PROBLEM,
                    "this site (Origin) is not among the allowed origins of the plugin key's environment");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
