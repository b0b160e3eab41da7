package com.fastlightchat.edge.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this instance has seen of recent chats: the organization each belongs to and the highest sequence read
 * from the stream. Bounded (least recently updated chats are forgotten); a forgotten chat is looked up elsewhere.
 */
public final class ChatHeads {

    /** @param organizationId the chat's tenant
     *  @param sequence       the highest sequence seen */
    public record Head(String organizationId, long sequence) {
    }

    private final Map<String, Head> heads;

    public ChatHeads(int capacity) {
        this.heads = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void seen(String chatId, String organizationId, long sequence) {
        Head current = heads.remove(chatId);
        long highest = current == null ? sequence : Math.max(current.sequence(), sequence);
        heads.put(chatId, new Head(organizationId, highest));
    }

    public synchronized Optional<Head> of(String chatId) {
        return Optional.ofNullable(heads.get(chatId));
    }
}
