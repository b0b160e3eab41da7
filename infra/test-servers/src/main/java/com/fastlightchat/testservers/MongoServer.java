package com.fastlightchat.testservers;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) with an in-memory backend, bound to 127.0.0.1. It speaks the
 * protocol of MongoDB 5.0 to real drivers; it has no transactions, and its data lives only as long as it runs.
 */
final class MongoServer implements ManagedServer {

    private final int port;
    private de.bwaldvogel.mongo.MongoServer server;

    MongoServer(int port) {
        this.port = port;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "MongoDB (in-memory) on port " + port;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        de.bwaldvogel.mongo.MongoServer starting = new de.bwaldvogel.mongo.MongoServer(new MemoryBackend());
        try {
            starting.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            starting.shutdownNow();
            throw new IllegalStateException("could not start " + name(), e);
        }
        server = starting;
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdownNow();
        } finally {
            server = null;
        }
    }
}
