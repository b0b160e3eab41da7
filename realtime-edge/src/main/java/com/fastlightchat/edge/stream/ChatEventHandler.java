package com.fastlightchat.edge.stream;

import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Receives each chat event, in per-chat order, on the stream's single polling thread. Implementations must not
 * block for long: a slow handler delays every chat of every tenant on this instance.
 */
@FunctionalInterface
public interface ChatEventHandler {

    void on(StreamedEvent event);

    /**
     * The events of one polled batch, in stream order; each handler gets the whole batch before the next handler
     * does. By default each event is handled alone (one failing event does not keep the others from this handler);
     * a handler that talks to Redis per event does better with one round trip per batch.
     */
    default void onBatch(List<StreamedEvent> events) {
        for (StreamedEvent event : events) {
            try {
                on(event);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ChatEventHandler.class).error("handler {} failed on chat {} sequence {}",
                        this, event.chatId(), event.sequence(), e);
            }
        }
    }
}
