/**
 * Unread badges: each chat's unread state per reader (end user, agents) kept hot in Redis, continued event by event
 * with the kernel's one definition ({@link com.fastlightchat.kernel.event.UnreadMessages}), seeded from the query
 * side when missing, pushed to sockets as {@code unread} signals and handed out with every {@code chat:join}.
 */
package com.fastlightchat.edge.unread;
