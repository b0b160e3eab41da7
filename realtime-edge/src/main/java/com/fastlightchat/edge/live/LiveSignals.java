package com.fastlightchat.edge.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Fans ephemeral {@link Signal}s out to every edge instance through Redis pub/sub (never Kafka). The sending
 * instance delivers to its own sockets at once and ignores its own echo, so signals between sockets of one
 * instance work even while Redis is down; other instances hear them again when Redis is back (the listener
 * container resubscribes by itself).
 */
public final class LiveSignals implements MessageListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveSignals.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final String channel;
    private final String instanceId;
    private final List<Consumer<Signal>> sinks = new CopyOnWriteArrayList<>();
    /** Publishes in order, off the caller's thread (often a Socket.IO event loop). */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("live-signals").factory());

    public LiveSignals(StringRedisTemplate redis, String channel, String instanceId) {
        this.redis = redis;
        this.channel = channel;
        this.instanceId = instanceId;
    }

    /** {@code sink} is called for every signal, local or remote, on the publisher's or the listener's thread. */
    public void subscribe(Consumer<Signal> sink) {
        sinks.add(sink);
    }

    public String instanceId() {
        return instanceId;
    }

    public String channel() {
        return channel;
    }

    /** Delivers to this instance's sockets now, and to the other instances' soon; never blocks. */
    public void publish(Signal signal) {
        deliver(signal);
        String json = JSON.writeValueAsString(signal);
        try {
            sender.execute(() -> {
                try {
                    redis.convertAndSend(channel, json);
                } catch (DataAccessException e) {
                    log.debug("live signal not shared with other instances: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("live signal not shared: shutting down");
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        Signal signal;
        try {
            signal = JSON.readValue(message.getBody(), Signal.class);
        } catch (JacksonException e) {
            log.warn("ignoring malformed live signal: {}", e.getOriginalMessage());
            return;
        }
        if (!instanceId.equals(signal.origin())) {
            deliver(signal);
        }
    }

    private void deliver(Signal signal) {
        for (Consumer<Signal> sink : sinks) {
            try {
                sink.accept(signal);
            } catch (RuntimeException e) {
                log.warn("live signal sink failed", e);
            }
        }
    }
}
