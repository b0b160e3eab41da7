package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.SocketIONamespace;
import com.fastlightchat.edge.stream.ChatEventHandler;
import com.fastlightchat.kernel.envelope.EventEnvelope;

/**
 * Emits each chat event an end user may see to its room on {@code /sdk}, as {@link ClientEvents} describes. Room
 * emits only queue writes on the sockets' event loops, so this never blocks the stream.
 */
public final class SdkEventFanOut implements ChatEventHandler {

    private final SocketIONamespace namespace;

    public SdkEventFanOut(SocketIONamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public void on(EventEnvelope envelope) {
        ClientEvents.of(envelope).ifPresent(delivery ->
                namespace.getRoomOperations(delivery.room()).sendEvent(ClientEvents.EVENT_NAME, delivery.body()));
    }
}
