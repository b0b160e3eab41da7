package com.fastlightchat.edge.stream;

/**
 * Receives each chat event, in per-chat order, on the stream's single polling thread. Implementations must not
 * block for long: a slow handler delays every chat of every tenant on this instance.
 */
@FunctionalInterface
public interface ChatEventHandler {

    void on(StreamedEvent event);
}
