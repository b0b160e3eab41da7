package com.fastlightchat.edge.socket;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.SocketIOServer;
import com.fastlightchat.edge.RealtimeEdgeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SocketIOServer} of this service. Namespaces and their listeners are added by the features while
 * the context starts; {@link SocketServerLifecycle} binds the port once every bean is ready.
 */
@Configuration(proxyBeanMethods = false)
class SocketServerConfiguration {

    @Bean
    SocketIOServer socketIOServer(RealtimeEdgeProperties properties) {
        var config = new com.corundumstudio.socketio.Configuration();
        config.setHostname(properties.socketHost());
        config.setPort(properties.socketPort());
        // A session id is never taken from the client's "io" cookie or header: it could name someone else's session.
        config.setRandomSession(true);
        // Handlers answer acks themselves, often after blocking I/O on another thread; an automatic empty ack
        // sent when the listener returns would beat the real answer.
        config.setAckMode(AckMode.MANUAL);
        config.setBossThreads(1);
        // Heartbeats: a client that answers no ping within the timeout is dropped (and counts as offline).
        config.setPingInterval((int) properties.pingInterval().toMillis());
        config.setPingTimeout((int) properties.pingTimeout().toMillis());
        config.getSocketConfig().setReuseAddress(true);
        // Client input is small JSON: a larger frame or polling body closes the connection.
        int maxPayload = (int) Math.min(Integer.MAX_VALUE, properties.maxPayload().toBytes());
        config.setMaxFramePayloadLength(maxPayload);
        config.setMaxHttpContentLength(maxPayload);
        // No permessage-deflate (socket.io's own default since 3.0): browsers offer it, and with it every socket
        // keeps a zlib deflater and inflater (about 300 KB of native memory) to save a few hundred bytes per small
        // chat event. Measured with ./flc bench connections: edge RSS per socket 168 KiB with it, 36 KiB without
        // (3,010 sockets).
        config.setWebsocketCompression(false);
        return new SocketIOServer(config);
    }

    @Bean
    SocketServerLifecycle socketServerLifecycle(SocketIOServer server) {
        return new SocketServerLifecycle(server);
    }
}
