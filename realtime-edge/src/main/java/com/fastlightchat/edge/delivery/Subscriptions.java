package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.delivery.ClientEvents.Audience;
import com.fastlightchat.edge.stream.StreamedEvent;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who on this instance receives which chat's events: end users' sockets by the chats they joined, agents' sockets
 * by organization (the inbox: every chat of their tenant). An organization's events only ever go to sockets
 * registered under that organization.
 */
public final class Subscriptions {

    private final Map<String, Set<Subscriber>> byChat = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscriber>> byOrganization = new ConcurrentHashMap<>();
    /** End users' sockets that joined a chat, by user: a user's chats without scanning every chat. */
    private final Map<String, Set<Subscriber>> byUser = new ConcurrentHashMap<>();

    /** An end user's socket follows one chat (after its access was checked). */
    public void joinChat(String chatId, Subscriber subscriber) {
        byChat.computeIfAbsent(chatId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        if (subscriber.userId() != null) {
            byUser.computeIfAbsent(subscriber.userId(), id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        }
    }

    public void leaveChat(String chatId, Subscriber subscriber) {
        subscriber.leave(chatId);
        byChat.computeIfPresent(chatId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** An agent's socket follows its organization's inbox. */
    public void joinOrganization(Subscriber subscriber) {
        byOrganization.computeIfAbsent(subscriber.organizationId(), id -> ConcurrentHashMap.newKeySet())
                .add(subscriber);
    }

    /** A socket is gone. */
    public void remove(Subscriber subscriber) {
        subscriber.chats().forEach(chatId -> leaveChat(chatId, subscriber));
        if (subscriber.userId() != null) {
            byUser.computeIfPresent(subscriber.userId(), (id, set) -> {
                set.remove(subscriber);
                return set.isEmpty() ? null : set;
            });
        }
        byOrganization.computeIfPresent(subscriber.organizationId(), (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** The chats an end user's sockets on this instance follow. */
    public Set<String> chatsOfUser(String userId) {
        Set<String> chats = new HashSet<>();
        byUser.getOrDefault(userId, Set.of()).forEach(subscriber -> chats.addAll(subscriber.chats()));
        return chats;
    }

    /** Offers one event to every socket that follows its chat, in the shape its audience sees. */
    public void deliver(StreamedEvent event) {
        Set<Subscriber> users = byChat.get(event.chatId());
        if (users != null && !users.isEmpty()) {
            Map<String, Object> body = ClientEvents.render(event, Audience.USER);
            for (Subscriber subscriber : users) {
                if (subscriber.organizationId().equals(event.organizationId())) {
                    subscriber.offer(event.chatId(), body, false);
                }
            }
        }
        Set<Subscriber> agents = byOrganization.get(event.organizationId());
        if (agents != null && !agents.isEmpty()) {
            Map<String, Object> body = ClientEvents.render(event, Audience.AGENT);
            agents.forEach(subscriber -> subscriber.offer(event.chatId(), body, true));
        }
    }
}
