package com.fastlightchat.query.webclient.web;

import com.fastlightchat.query.webclient.PublicUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * {@code GET /v1/sdk/client-config}: the public URLs the console and the widget call, without credentials (they are
 * no secret: any visitor of a customer's site sees them in the network log). Under {@code /v1/sdk/} so that any
 * site embedding the widget may read it.
 */
@RestController
public class ClientConfigController {

    /** Version of the realtime edge's client protocol the shipped clients speak (realtime-edge/PROTOCOL.md). */
    static final int PROTOCOL_VERSION = 1;

    public record ClientConfig(String commandUrl, String queryUrl, String edgeUrl, int protocolVersion) {
    }

    private final ClientConfig config;

    public ClientConfigController(PublicUrls urls) {
        this.config = new ClientConfig(withoutTrailingSlash(urls.commandUrl().toString()),
                withoutTrailingSlash(urls.queryUrl().toString()), withoutTrailingSlash(urls.edgeUrl().toString()),
                PROTOCOL_VERSION);
    }

    @GetMapping("/v1/sdk/client-config")
    public ResponseEntity<ClientConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(config);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
