package com.fastlightchat.kernel.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
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
}
