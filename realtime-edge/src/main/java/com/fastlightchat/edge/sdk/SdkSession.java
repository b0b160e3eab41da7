package com.fastlightchat.edge.sdk;

import java.util.Objects;

/**
 * An authenticated {@code /sdk} socket: who the end user is (from their verified token) and the credentials they
 * connected with, which are passed on unchanged when the query side is asked about a chat.
 *
 * @param organizationId the tenant, from the token
 * @param environmentId  the environment the user booted in, from the token
 * @param userId         the end user, from the token
 * @param pluginKey      as given in the handshake
 * @param userToken      as given in the handshake; never logged
 */
public record SdkSession(String organizationId, String environmentId, String userId, String pluginKey,
                         String userToken) {

    public SdkSession {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(pluginKey, "pluginKey");
        Objects.requireNonNull(userToken, "userToken");
    }

    @Override
    public String toString() {
        return "SdkSession[organizationId=" + organizationId + ", environmentId=" + environmentId + ", userId="
                + userId + "]";
    }
}
