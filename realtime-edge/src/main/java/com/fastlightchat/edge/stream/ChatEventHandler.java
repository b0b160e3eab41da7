package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EventEnvelope;

/**
 * Receives each decoded chat event, in per-chat order, on the stream's single polling thread. Implementations must
 * not block: a slow handler delays every chat of every tenant on this instance.
 */
@FunctionalInterface
public interface ChatEventHandler {

    void on(EventEnvelope envelope);
}
