package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.SocketIONamespace;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.stream.ChatEventHandler;
import com.fastlightchat.edge.stream.StreamedEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;

/**
 * Tells every socket of an end user about a chat opened for them ({@value ClientEvents#CHAT_OPENED} to room
 * {@code user:<userId>}), so that all their tabs learn about it and may join it. A room emit only queues writes,
 * so this never blocks the stream.
 */
public final class SdkEventFanOut implements ChatEventHandler {

    private final SocketIONamespace namespace;

    public SdkEventFanOut(SocketIONamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public void on(StreamedEvent event) {
        if (event.known() && event.envelope().payload() instanceof ChatOpened opened) {
            namespace.getRoomOperations(Rooms.user(opened.userId().value()))
                    .sendEvent(ClientEvents.EVENT_NAME, ClientEvents.render(event, ClientEvents.Audience.USER));
        }
    }
}
