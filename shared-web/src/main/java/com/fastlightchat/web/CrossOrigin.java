package com.fastlightchat.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin access to the HTTP API from browsers.
 *
 * <ul>
 *   <li>{@code /v1/sdk/**} is called by the chat widget from customers' own sites, so any origin may call it; the caller
 *       still needs the environment's public plugin key and a user token (no cookies are ever used, so no credentials
 *       mode).</li>
 *   <li>Everything else under {@code /v1/**} (dashboard, integrations, admin) answers browsers only from the origins in
 *       {@code flc.web.allowed-origins} (comma-separated, e.g. the agent console's origin); the default is none, which
 *       leaves same-origin pages and non-browser callers unaffected.</li>
 * </ul>
 * An environment may narrow the SDK's "any origin" to its own allowlist; {@link SdkOriginCheck} enforces it on the
 * actual requests (preflights carry no plugin key).
 */
@Configuration(proxyBeanMethods = false)
public class CrossOrigin implements WebMvcConfigurer {

    static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    static final String[] EXPOSED = {"Location", "Retry-After", "X-Read-Model-Stale"};

    private final List<String> dashboardOrigins;

    public CrossOrigin(WebProperties properties) {
        this.dashboardOrigins = properties.allowedOrigins();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/v1/sdk/**")
                .allowedOriginPatterns("*")
                .allowedMethods(METHODS)
                .allowedHeaders(Callers.PLUGIN_KEY_HEADER, Callers.USER_TOKEN_HEADER, "Content-Type")
                .exposedHeaders(EXPOSED)
                .allowCredentials(false)
                .maxAge(600);
        if (!dashboardOrigins.isEmpty()) {
            registry.addMapping("/v1/**")
                    .allowedOrigins(dashboardOrigins.toArray(String[]::new))
                    .allowedMethods(METHODS)
                    .allowedHeaders("Authorization", "Content-Type", Callers.API_KEY_HEADER, Callers.API_SECRET_HEADER)
                    .exposedHeaders(EXPOSED)
                    .allowCredentials(false)
                    .maxAge(600);
        }
    }
}
