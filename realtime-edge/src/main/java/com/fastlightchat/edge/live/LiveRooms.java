package com.fastlightchat.edge.live;

import java.util.Map;

/**
 * Where this instance's sockets hear signals: its chat rooms and organization rooms ({@code /sdk}) and its
 * organization rooms ({@code /agent}).
 */
public interface LiveRooms {

    /** Emits to the end users' sockets that joined the chat, except {@code excludedSocketId} (may be null). */
    void toChat(String chatId, Map<String, Object> body, String excludedSocketId);

    /** Emits to the agents' sockets of the organization, except {@code excludedSocketId} (may be null). */
    void toOrganization(String organizationId, Map<String, Object> body, String excludedSocketId);

    /** Emits to every end user's socket of the organization ({@code /sdk}). */
    void toOrganizationUsers(String organizationId, Map<String, Object> body);
}
