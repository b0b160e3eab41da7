package com.fastlightchat.query.environment.web;

import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/sdk/environment} with {@code X-Plugin-Key} only: the environment the key currently opens, or 401
 * for a key no environment has (unknown, or rotated away). The realtime edge checks plugin keys with it.
 */
@RestController
public class SdkEnvironmentQueries {

    /** The environment a plugin key opens. */
    public record SdkEnvironment(String organizationId, String environmentId) {
    }

    @GetMapping("/v1/sdk/environment")
    public SdkEnvironment environment(EnvironmentRef caller) {
        return new SdkEnvironment(caller.organizationId(), caller.environmentId());
    }
}
