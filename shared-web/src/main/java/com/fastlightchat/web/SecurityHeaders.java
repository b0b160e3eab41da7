package com.fastlightchat.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Security headers on every response, set before anything else runs so that refusals of later filters (413, 403,
 * 429) carry them too:
 * <ul>
 *   <li>everywhere: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, and, when
 *       {@code flc.web.hsts-max-age} is above zero, {@code Strict-Transport-Security};</li>
 *   <li>API responses ({@code /v1/**}, the OpenAPI document, actuator): no framing
 *       ({@code X-Frame-Options: DENY}, {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}),
 *       and {@code Cache-Control: no-store}, since they answer for a credential or carry one (tokens, secrets).</li>
 * </ul>
 * Pages a service may serve besides its API (Swagger UI, static pages) only get the first group.
 */
public class SecurityHeaders extends OncePerRequestFilter implements Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final String hsts;

    public SecurityHeaders(Duration hstsMaxAge) {
        this.hsts = hstsMaxAge.isPositive() ? "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains" : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (hsts != null) {
            response.setHeader("Strict-Transport-Security", hsts);
        }
        if (isApi(request.getRequestURI())) {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    static boolean isApi(String path) {
        return path.startsWith("/v1/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
