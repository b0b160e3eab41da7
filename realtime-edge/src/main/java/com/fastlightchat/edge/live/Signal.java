package com.fastlightchat.edge.live;

/**
 * One ephemeral signal as sent between edge instances on the Redis channel {@code <prefix>live}.
 *
 * @param origin         the instance that sent it (which has already delivered it to its own sockets)
 * @param kind           {@link #TYPING} or {@link #PRESENCE}
 * @param organizationId the tenant: agents of this organization hear it
 * @param chatId         typing: the chat; presence: null
 * @param actorKind      typing: who types ({@code user}, {@code agent}); presence: {@code user}
 * @param actorId        typing: their id; presence: the user id
 * @param typing         typing: started or stopped
 * @param status         presence: {@code online} or {@code offline}
 * @param socketId       typing: the sending socket, which does not hear its own indicator
 */
public record Signal(String origin, String kind, String organizationId, String chatId, String actorKind,
                     String actorId, boolean typing, String status, String socketId) {

    public static final String TYPING = "typing";
    public static final String PRESENCE = "presence";
}
