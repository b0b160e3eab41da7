package com.fastlightchat.query.environment.web;

import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.query.environment.Environments;
import com.fastlightchat.web.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /v1/sdk/environment} with {@code X-Plugin-Key} only: the environment the key currently opens and its
 * allowed origins, or 401 for a key no environment has (unknown, or rotated away). The realtime edge checks its
 * {@code /sdk} handshakes with it.
 */
@RestController
public class SdkEnvironmentQueries {

    /** The environment a plugin key opens; {@code allowedOrigins} empty: any site. */
    public record SdkEnvironment(String organizationId, String environmentId, List<String> allowedOrigins) {
    }

    private final Environments environments;

    public SdkEnvironmentQueries(Environments environments) {
        this.environments = environments;
    }

    @GetMapping("/v1/sdk/environment")
    public SdkEnvironment environment(EnvironmentRef caller,
                                      @RequestHeader(name = Callers.PLUGIN_KEY_HEADER) String pluginKey) {
        return new SdkEnvironment(caller.organizationId(), caller.environmentId(),
                environments.allowedOrigins(pluginKey).orElse(List.of()));
    }
}
