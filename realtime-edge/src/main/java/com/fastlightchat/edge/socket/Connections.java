package com.fastlightchat.edge.socket;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.transport.NamespaceClient;

/** Closing a client's whole Engine.IO connection, not only its namespace. */
public final class Connections {

    private Connections() {
    }

    /** Closes the connection the client's namespace socket runs on (every namespace on it). */
    public static void close(SocketIOClient client) {
        if (client instanceof NamespaceClient namespaceClient) {
            namespaceClient.getBaseClient().disconnect();
        } else {
            client.disconnect();
        }
    }
}
