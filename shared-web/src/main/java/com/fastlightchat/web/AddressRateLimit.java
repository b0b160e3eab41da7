package com.fastlightchat.web;

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
 * API calls that carry no caller credential (sign-up, login, token refresh, invitations, operator calls) spend the budget of their
 * client address ({@code request.getRemoteAddr()}: behind a proxy, set {@code server.forward-headers-strategy} so that
 * it is the client's). Calls with a credential spend their caller's budgets in {@link Callers}.
 */
public class AddressRateLimit extends OncePerRequestFilter implements Ordered {

    static final int ORDER = BodySizeLimit.ORDER + 10;
    static final List<String> CREDENTIAL_HEADERS = List.of(HttpHeaders.AUTHORIZATION, Callers.PLUGIN_KEY_HEADER,
            Callers.USER_TOKEN_HEADER, Callers.API_KEY_HEADER, Callers.API_SECRET_HEADER);

    private final RateLimits limits;

    public AddressRateLimit(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/") || "OPTIONS".equals(request.getMethod())
                || CREDENTIAL_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            limits.chargeAddress(request.getRemoteAddr());
        } catch (TooManyRequests e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            ProblemResponses.write(response, 429, ProblemResponses.TOO_MANY_REQUESTS, e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
