package com.fastlightchat.edge.sdk;

/** Room names of both namespaces; ids are globally unique, so a room never spans two tenants. */
public final class Rooms {

    private Rooms() {
    }

    /** Every socket of one end user; joined on connect. */
    public static String user(String userId) {
        return "user:" + userId;
    }

    /** Every socket that was allowed to join one chat. */
    public static String chat(String chatId) {
        return "chat:" + chatId;
    }

    /**
     * Every agent socket of one organization on {@code /agent} (the inbox); every end user's socket of one
     * organization on {@code /sdk} (team availability).
     */
    public static String organization(String organizationId) {
        return "org:" + organizationId;
    }
}
