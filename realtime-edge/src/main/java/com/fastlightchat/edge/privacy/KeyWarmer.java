package com.fastlightchat.edge.privacy;

import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the keys of end users as they connect, before their chats' events arrive: the stream then opens their
 * messages from memory instead of stopping to ask the command side (which, under load, is exactly when it answers
 * slowest). Users are collected and fetched together every {@code interval}, up to
 * {@value RemoteSubjectKeys#MAX_BATCH} per call, off every socket and stream thread. A failure is only logged:
 * the stream's own look-up still applies.
 */
public final class KeyWarmer implements AutoCloseable {

    /** Most users waiting to be warmed; beyond this, connecting users are not warmed (the stream still asks). */
    static final int MAX_PENDING = 100_000;

    private static final Logger log = LoggerFactory.getLogger(KeyWarmer.class);

    private final CachingSubjectKeys keys;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;

    public KeyWarmer(CachingSubjectKeys keys, Duration interval) {
        this.keys = keys;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("key-warmer")
                .daemon(true).factory());
        executor.scheduleWithFixedDelay(this::warmPending, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** {@code userId} has connected: its key is fetched with the next batch, unless it is held already. */
    public void warm(String userId) {
        if (pending.size() < MAX_PENDING) {
            pending.add(userId);
        }
    }

    /** Fetches what is pending now, a batch at a time; returns how many users were asked for. */
    int warmPending() {
        int asked = 0;
        while (!pending.isEmpty()) {
            List<String> batch = new ArrayList<>(RemoteSubjectKeys.MAX_BATCH);
            Iterator<String> it = pending.iterator();
            while (it.hasNext() && batch.size() < RemoteSubjectKeys.MAX_BATCH) {
                batch.add(it.next());
                it.remove();
            }
            try {
                asked += keys.prefetch(batch);
            } catch (KeysUnavailableException e) {
                log.debug("keys of {} connecting users not fetched ahead: {}", batch.size(), e.getMessage());
                return asked;
            } catch (RuntimeException e) {
                log.warn("keys of {} connecting users not fetched ahead", batch.size(), e);
                return asked;
            }
        }
        return asked;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
