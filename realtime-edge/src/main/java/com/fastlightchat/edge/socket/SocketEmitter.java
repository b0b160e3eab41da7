package com.fastlightchat.edge.socket;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.delivery.Emitter;

import java.util.Map;

/**
 * A Socket.IO client as an {@link Emitter}. A WebSocket is backlogged while its Netty channel is not writable
 * (more than the channel's high-water mark waits to be written); a long-polling client while more than
 * {@link #POLLING_BACKLOG} packets wait for its next poll.
 */
public final class SocketEmitter implements Emitter {

    static final int POLLING_BACKLOG = 64;

    private final SocketIOClient client;

    public SocketEmitter(SocketIOClient client) {
        this.client = client;
    }

    @Override
    public boolean backlogged() {
        if (!(client instanceof NamespaceClient namespaceClient)) {
            return false;
        }
        ClientHead head = namespaceClient.getBaseClient();
        Transport transport = head.getCurrentTransport();
        if (transport == Transport.WEBSOCKET) {
            return !head.isWritable();
        }
        return head.getPacketsQueue(transport).size() > POLLING_BACKLOG;
    }

    @Override
    public void emit(Map<String, Object> body) {
        client.sendEvent(ClientEvents.EVENT_NAME, body);
    }
}
