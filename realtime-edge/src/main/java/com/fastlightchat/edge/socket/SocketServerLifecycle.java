package com.fastlightchat.edge.socket;

import com.corundumstudio.socketio.SocketIOServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Binds the Socket.IO port once every listener is registered, and releases it on shutdown. Stopping shuts the
 * server's event loops down, which closes every open connection: clients see a transport close and reconnect,
 * to another instance, right away instead of waiting for a ping timeout.
 */
public final class SocketServerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketServerLifecycle.class);

    private final SocketIOServer server;
    private volatile boolean running;

    public SocketServerLifecycle(SocketIOServer server) {
        this.server = server;
    }

    @Override
    public void start() {
        server.start();
        running = true;
        log.info("Socket.IO server listening on {}:{}", server.getConfiguration().getHostname(),
                server.getConfiguration().getPort());
    }

    @Override
    public void stop() {
        running = false;
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
