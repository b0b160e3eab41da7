package com.fastlightchat.query.webclient;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where browsers reach the platform ({@code flc.public.*}): the console and the widget call these, so they must be
 * the addresses as seen from the user's browser (behind a proxy: the public ones), not internal host names.
 *
 * @param commandUrl base URL of the command API
 * @param queryUrl   base URL of the query API (this service)
 * @param edgeUrl    base URL of the realtime edge's Socket.IO server (namespaces {@code /sdk} and {@code /agent})
 */
@ConfigurationProperties("flc.public")
public record PublicUrls(@DefaultValue("http://localhost:8081") URI commandUrl,
                         @DefaultValue("http://localhost:8082") URI queryUrl,
                         @DefaultValue("http://localhost:8083") URI edgeUrl) {

    public PublicUrls {
        for (URI url : new URI[]{commandUrl, queryUrl, edgeUrl}) {
            if (!url.isAbsolute() || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                throw new IllegalArgumentException("flc.public URLs must be absolute http(s) URLs: " + url);
            }
        }
    }
}
