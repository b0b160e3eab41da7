package com.fastlightchat.command.platform;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedCacheTest {

    @Test
    void givenFullCache_whenAnotherEntryIsPut_thenTheLeastRecentlyUsedGoes() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1); // "b" is now the least recently used

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<String, Integer>get("c")).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void givenEntries_whenPutIfAbsentComputeAndRemove_thenAxonsCacheContract() {
        BoundedCache cache = new BoundedCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        assertThat(cache.computeIfAbsent("a", () -> 9)).isEqualTo(1);
        assertThat(cache.computeIfAbsent("b", () -> 5)).isEqualTo(5);
        cache.<Integer>computeIfPresent("b", value -> value + 1);
        assertThat(cache.<String, Integer>get("b")).isEqualTo(6);
        cache.<Integer>computeIfPresent("b", value -> null);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("x", 1);
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenListener_whenEntriesComeAndGo_thenItHearsEveryChange() {
        BoundedCache cache = new BoundedCache(1);
        List<String> heard = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 3);
        cache.remove("b");
        registration.cancel();
        cache.put("c", 4);

        assertThat(heard).containsExactly("created a", "updated a", "created b", "expired a", "removed b");
    }

    @Test
    void givenNoRoom_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
