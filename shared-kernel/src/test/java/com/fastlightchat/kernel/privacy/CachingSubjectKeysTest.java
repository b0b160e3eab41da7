package com.fastlightchat.kernel.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingSubjectKeysTest {

    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final SubjectKeys.OpeningOnly source = subject -> {
        asked.incrementAndGet();
        if (down.get()) {
            throw new KeysUnavailableException("down", null);
        }
        return Optional.of(KEY);
    };

    @Test
    void givenManyEventsOfOneUser_whenOpened_thenTheKeyServiceIsAskedOnce() {
        CachingSubjectKeys keys = new CachingSubjectKeys(source, 100, Duration.ofMinutes(10));

        for (int i = 0; i < 1000; i++) {
            assertThat(keys.openingKey("usr_1")).contains(KEY);
        }

        assertThat(asked).hasValue(1);
    }

    @Test
    void givenErasureNotice_whenOpenedAfterwards_thenErasedWithoutAskingAgain() {
        CachingSubjectKeys keys = new CachingSubjectKeys(source, 100, Duration.ofMinutes(10));
        keys.openingKey("usr_1");

        keys.markErased("usr_1");

        assertThat(keys.openingKey("usr_1")).isEmpty();
        assertThat(asked).hasValue(1);
    }

    @Test
    void givenFailingKeyService_whenFailFastIsOn_thenFurtherLookupsFailAtOnceUntilTheWindowPassed() {
        CachingSubjectKeys keys = new CachingSubjectKeys(source, 100, Duration.ofMinutes(10), Duration.ofSeconds(5),
                now::get);
        down.set(true);

        assertThatThrownBy(() -> keys.openingKey("usr_1")).isInstanceOf(KeysUnavailableException.class);
        assertThatThrownBy(() -> keys.openingKey("usr_2")).isInstanceOf(KeysUnavailableException.class);
        assertThat(asked).as("the second look-up did not wait for the service").hasValue(1);

        down.set(false);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(keys.openingKey("usr_2")).contains(KEY);
        assertThat(asked).hasValue(2);
    }

    @Test
    void givenFailingKeyService_whenFailFastIsOff_thenEveryLookupAsksAndNothingIsRemembered() {
        CachingSubjectKeys keys = new CachingSubjectKeys(source, 100, Duration.ofMinutes(10));
        down.set(true);

        assertThatThrownBy(() -> keys.openingKey("usr_1")).isInstanceOf(KeysUnavailableException.class);
        down.set(false);

        assertThat(keys.openingKey("usr_1")).contains(KEY);
        assertThat(asked).hasValue(2);
    }

    @Test
    void givenABatchOfSubjects_whenPrefetched_thenOnlyTheUnknownOnesAreAskedForInOneCallAndRemembered() {
        List<Collection<String>> batches = new ArrayList<>();
        SubjectKeys.OpeningOnly bulk = new SubjectKeys.OpeningOnly() {
            @Override
            public Optional<SecretKey> openingKey(String subjectId) {
                asked.incrementAndGet();
                return Optional.of(KEY);
            }

            @Override
            public Map<String, Optional<SecretKey>> openingKeys(Collection<String> subjectIds) {
                batches.add(List.copyOf(subjectIds));
                return Map.of("usr_1", Optional.of(KEY), "usr_3", Optional.empty());
            }
        };
        CachingSubjectKeys keys = new CachingSubjectKeys(bulk, 100, Duration.ofMinutes(10));
        keys.openingKey("usr_2");

        assertThat(keys.prefetch(List.of("usr_1", "usr_2", "usr_3", "usr_1"))).isEqualTo(2);

        assertThat(batches).containsExactly(List.of("usr_1", "usr_3"));
        assertThat(keys.openingKey("usr_1")).contains(KEY);
        assertThat(keys.openingKey("usr_3")).as("erased, remembered as such").isEmpty();
        assertThat(asked).as("only usr_2's single look-up before the prefetch").hasValue(1);
        assertThat(keys.prefetch(List.of("usr_1", "usr_2", "usr_3"))).isZero();
        assertThat(batches).hasSize(1);
    }

    @Test
    void givenFailingKeyService_whenPrefetched_thenItThrowsAndSingleLookupsFailFastToo() {
        CachingSubjectKeys keys = new CachingSubjectKeys(source, 100, Duration.ofMinutes(10), Duration.ofSeconds(5),
                now::get);
        down.set(true);

        assertThatThrownBy(() -> keys.prefetch(List.of("usr_1", "usr_2"))).isInstanceOf(KeysUnavailableException.class);
        int askedByPrefetch = asked.get();
        assertThatThrownBy(() -> keys.openingKey("usr_2")).isInstanceOf(KeysUnavailableException.class);

        assertThat(asked).as("the single look-up did not wait for the service again").hasValue(askedByPrefetch);
    }
}
