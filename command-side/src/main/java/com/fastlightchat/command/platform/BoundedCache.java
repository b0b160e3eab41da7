package com.fastlightchat.command.platform;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An Axon {@link Cache} of at most {@code capacity} entries, held strongly, the least recently used going first.
 * Unlike a weak-reference cache, whose entries vanish at every garbage collection (several times a second under
 * load), an aggregate stays here while it is in use, so a busy chat is not replayed from the event store on every
 * command.
 */
public final class BoundedCache implements Cache {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Object> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        lock.lock();
        try {
            value = entries.get(key);
        } finally {
            lock.unlock();
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        Map.Entry<Object, Object> evicted;
        lock.lock();
        try {
            previous = entries.put(key, value);
            evicted = evict();
        } finally {
            lock.unlock();
        }
        if (previous == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, value));
        }
        expired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Map.Entry<Object, Object> evicted;
        lock.lock();
        try {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evict();
        } finally {
            lock.unlock();
        }
        listeners.forEach(listener -> listener.onEntryCreated(key, value));
        expired(evicted);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T existing = get(key);
        if (existing != null) {
            return existing;
        }
        T value = valueSupplier.get();
        lock.lock();
        try {
            Object raced = entries.get(key);
            if (raced != null) {
                return (T) raced;
            }
        } finally {
            lock.unlock();
        }
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        lock.lock();
        try {
            updated = entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
        } finally {
            lock.unlock();
        }
        if (updated != null) {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        } else {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        lock.lock();
        try {
            removed = entries.remove(key) != null;
        } finally {
            lock.unlock();
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        lock.lock();
        try {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        } finally {
            lock.unlock();
        }
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        lock.lock();
        try {
            return entries.containsKey(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Entries held now. */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: drops the least recently used entry beyond the capacity. */
    private Map.Entry<Object, Object> evict() {
        if (entries.size() <= capacity) {
            return null;
        }
        var eldest = entries.entrySet().iterator();
        Map.Entry<Object, Object> entry = Map.entry(eldest.next().getKey(), Boolean.TRUE);
        eldest.remove();
        return entry;
    }

    private void expired(Map.Entry<Object, Object> evicted) {
        if (evicted != null) {
            listeners.forEach(listener -> listener.onEntryExpired(evicted.getKey()));
        }
    }
}
