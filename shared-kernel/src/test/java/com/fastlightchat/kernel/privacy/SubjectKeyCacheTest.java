package com.fastlightchat.kernel.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectKeyCacheTest {

    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<SecretKey> load(String subject) {
        loads.incrementAndGet();
        return Optional.of(KEY);
    }

    @Test
    void givenKnownSubject_whenAskedAgainWithinTheTtl_thenTheSourceIsNotAskedAgain() {
        SubjectKeyCache cache = new SubjectKeyCache(10, Duration.ofMinutes(1), now::get);

        cache.get("usr_1", this::load);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        cache.get("usr_1", this::load);

        assertThat(loads).hasValue(1);
    }

    @Test
    void givenExpiredEntry_whenAsked_thenTheSourceIsAskedAgain() {
        SubjectKeyCache cache = new SubjectKeyCache(10, Duration.ofMinutes(1), now::get);

        cache.get("usr_1", this::load);
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        cache.get("usr_1", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void givenErasureNotice_whenAKeyLoadedEarlierArrivesLate_thenTheErasureWins() {
        SubjectKeyCache cache = new SubjectKeyCache(10, Duration.ofMinutes(1), now::get);

        cache.markErased("usr_1");
        cache.put("usr_1", Optional.of(KEY));

        assertThat(cache.get("usr_1", this::load)).isEmpty();
        assertThat(loads).hasValue(0);
    }

    @Test
    void givenFullCache_whenMoreSubjectsArrive_thenItStaysBoundedDroppingTheOldest() {
        SubjectKeyCache cache = new SubjectKeyCache(100, Duration.ofHours(1), now::get);

        for (int i = 0; i < 1000; i++) {
            now.incrementAndGet();
            cache.get("usr_" + i, this::load);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        cache.get("usr_999", this::load);
        assertThat(loads).hasValue(1000);
        cache.get("usr_0", this::load);
        assertThat(loads).hasValue(1001);
    }
}
