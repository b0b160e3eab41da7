package com.fastlightchat.edge.privacy;

import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import com.fastlightchat.kernel.privacy.SubjectKeys;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class KeyWarmerTest {

    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    private final List<List<String>> batches = new ArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final SubjectKeys.OpeningOnly source = new SubjectKeys.OpeningOnly() {
        @Override
        public Optional<SecretKey> openingKey(String subjectId) {
            throw new AssertionError("asked one at a time for " + subjectId);
        }

        @Override
        public Map<String, Optional<SecretKey>> openingKeys(Collection<String> subjectIds) {
            if (down.get()) {
                throw new KeysUnavailableException("down", null);
            }
            batches.add(List.copyOf(subjectIds));
            Map<String, Optional<SecretKey>> keys = new HashMap<>();
            subjectIds.forEach(id -> keys.put(id, Optional.of(KEY)));
            return keys;
        }
    };
    private final CachingSubjectKeys keys = new CachingSubjectKeys(source, 1000, Duration.ofMinutes(10));

    @Test
    void givenUsersConnecting_whenWarmed_thenTheirKeysAreFetchedTogetherOnceAndOpenFromMemory() {
        try (KeyWarmer warmer = new KeyWarmer(keys, Duration.ofHours(1))) {
            warmer.warm("usr_1");
            warmer.warm("usr_2");
            warmer.warm("usr_1");

            assertThat(warmer.warmPending()).isEqualTo(2);
            warmer.warm("usr_2");
            assertThat(warmer.warmPending()).as("held already").isZero();
        }

        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).containsExactlyInAnyOrder("usr_1", "usr_2");
        assertThat(keys.openingKey("usr_1")).contains(KEY);
    }

    @Test
    void givenManyUsers_whenWarmed_thenEachCallNamesAtMostOneBatch() {
        try (KeyWarmer warmer = new KeyWarmer(keys, Duration.ofHours(1))) {
            for (int i = 0; i < 1200; i++) {
                warmer.warm("usr_" + i);
            }

            assertThat(warmer.warmPending()).isEqualTo(1200);
        }

        assertThat(batches).extracting(List::size).containsExactly(500, 500, 200);
    }

    @Test
    void givenKeyServiceDown_whenWarmed_thenNothingIsRememberedAndNothingThrows() {
        down.set(true);
        try (KeyWarmer warmer = new KeyWarmer(keys, Duration.ofHours(1))) {
            warmer.warm("usr_1");

            assertThat(warmer.warmPending()).isZero();
        }
        down.set(false);

        assertThat(keys.prefetch(List.of("usr_1"))).as("still unknown, asked again").isEqualTo(1);
    }
}
