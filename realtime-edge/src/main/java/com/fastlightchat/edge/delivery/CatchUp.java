package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.delivery.ClientEvents.Audience;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a client missed of a chat: from the {@link RecentEvents} window when it covers the whole range
 * (starts at or before the first missing sequence, has no hole, and reaches the newest sequence this instance has
 * seen), otherwise from a {@link Fallback} (the query side, for end users). The result says whether the whole
 * range was read: a client told otherwise may see a gap, which it fills with {@code chat:fetch} later.
 */
public final class CatchUp {

    /** Another source of a chat's events in client format, ascending; empty when it cannot answer. */
    @FunctionalInterface
    public interface Fallback {

        Fallback NONE = (chatId, after, until) -> Optional.empty();

        Optional<List<Map<String, Object>>> events(String chatId, long after, long until);
    }

    /**
     * @param events   the events in {@code (after, until]}, ascending, each sequence once
     * @param complete false when no source could answer for the whole range: the client should retry later
     */
    public record Result(List<Map<String, Object>> events, boolean complete) {
    }

    private final RecentEvents recent;
    private final ChatHeads heads;
    private final int limit;

    /** @param limit most events read from the window at once (its size is enough) */
    public CatchUp(RecentEvents recent, ChatHeads heads, int limit) {
        this.recent = recent;
        this.heads = heads;
        this.limit = limit;
    }

    public Result read(String chatId, long after, long until, Audience audience, Fallback fallback) {
        long head = heads.of(chatId).map(ChatHeads.Head::sequence).orElse(0L);
        Optional<RecentEvents.Window> window = recent.read(chatId, after, until, limit);
        List<Map<String, Object>> fromWindow = window
                .map(w -> w.events().stream().map(event -> ClientEvents.render(event, audience)).toList())
                .orElse(List.of());
        long target = Math.min(until, head);
        if (window.isPresent() && covers(window.get().first(), after, target, fromWindow)) {
            return new Result(fromWindow, true);
        }
        // The query side projects asynchronously: an answer that stops short of what this instance has already
        // delivered is used, but reported incomplete.
        return fallback.events(chatId, after, until)
                .map(events -> new Result(events, Resume.last(events, after) >= target))
                .orElseGet(() -> new Result(fromWindow, false));
    }

    /** Pure: does a window starting at {@code first} with these events answer for {@code (after, target]}? */
    static boolean covers(long first, long after, long target, List<Map<String, Object>> events) {
        return first <= after + 1 && Resume.contiguous(after, events) && Resume.last(events, after) >= target;
    }
}
