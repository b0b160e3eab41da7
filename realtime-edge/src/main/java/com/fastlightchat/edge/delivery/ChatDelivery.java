package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.stream.ChatEventHandler;
import com.fastlightchat.edge.stream.StreamedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Takes each chat event from the stream into the recent-events window, then offers it to the sockets that follow
 * its chat; and runs resumes. The window is written before anything is offered, so a resume that starts after a
 * socket missed an event finds it in the window.
 */
public final class ChatDelivery implements ChatEventHandler {

    private final ChatHeads heads;
    private final RecentEvents recent;
    private final Subscriptions subscriptions;
    private final CatchUp catchUp;

    public ChatDelivery(ChatHeads heads, RecentEvents recent, Subscriptions subscriptions, CatchUp catchUp) {
        this.heads = heads;
        this.recent = recent;
        this.subscriptions = subscriptions;
        this.catchUp = catchUp;
    }

    @Override
    public void on(StreamedEvent event) {
        onBatch(List.of(event));
    }

    /** The batch's events go to their windows in one round trip, then are offered to the sockets, in order. */
    @Override
    public void onBatch(List<StreamedEvent> events) {
        for (StreamedEvent event : events) {
            heads.seen(event.chatId(), event.organizationId(), event.sequence());
        }
        recent.appendAll(events);
        for (StreamedEvent event : events) {
            subscriptions.deliver(event);
        }
    }

    /**
     * Resumes a chat for a socket that has seen up to {@code lastSequence}: buffers its live events, reads what it
     * missed, emits the missed events (merged with the buffered ones) in order as {@link ClientEvents#EVENT_NAME},
     * then hands {@code done} the summary {@code {ok: true, chatId, lastSequence, complete}} (under the socket's
     * lock, so an ack sent from it precedes later live events) and continues live. Blocks; call it off the event
     * loop. The socket must already be registered to receive the chat's live events, or be an agent's.
     */
    public void resume(Subscriber subscriber, String chatId, long lastSequence, CatchUp.Fallback fallback,
                       Consumer<Map<String, Object>> done) {
        subscriber.beginCatchUp(chatId);
        if (subscriber.audience() == ClientEvents.Audience.USER) {
            subscriptions.joinChat(chatId, subscriber);
        }
        CatchUp.Result result = catchUp.read(chatId, lastSequence, Long.MAX_VALUE, subscriber.audience(), fallback);
        subscriber.finishCatchUp(chatId, lastSequence, result.events(), events -> {
            events.forEach(subscriber.emitter()::emit);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("ok", true);
            summary.put("chatId", chatId);
            summary.put("lastSequence", Resume.last(events, lastSequence));
            summary.put("complete", result.complete());
            done.accept(summary);
        });
    }

    /** The events of {@code (after, until]} without touching the socket's live state. Blocks. */
    public CatchUp.Result range(String chatId, long after, long until, ClientEvents.Audience audience,
                                CatchUp.Fallback fallback) {
        return catchUp.read(chatId, after, until, audience, fallback);
    }

    /** The organization a chat belongs to, if this instance or the window has seen it. */
    public Optional<String> organizationOf(String chatId) {
        return heads.of(chatId).map(ChatHeads.Head::organizationId).or(() -> recent.organizationOf(chatId));
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }
}
