package com.fastlightchat.edge.delivery;

import java.util.Map;

/** One socket, as far as delivery is concerned. Emitting never blocks: it queues a write. */
public interface Emitter {

    /** True while the socket's transport has not written what it was given (a slow or stalled reader). */
    boolean backlogged();

    /** Emits one client event ({@link ClientEvents#EVENT_NAME}). */
    void emit(Map<String, Object> body);
}
