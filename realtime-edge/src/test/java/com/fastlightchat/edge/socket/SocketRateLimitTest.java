package com.fastlightchat.edge.socket;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.fastlightchat.edge.socket.SocketRateLimit.Verdict.ABUSE;
import static com.fastlightchat.edge.socket.SocketRateLimit.Verdict.ALLOWED;
import static com.fastlightchat.edge.socket.SocketRateLimit.Verdict.REFUSED;
import static com.fastlightchat.edge.socket.SocketRateLimit.Verdict.REFUSED_FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SocketRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenAFullBucket_whenTheBurstIsSpentAtOnce_thenFurtherEventsAreRefusedUntilItRefills() {
        SocketRateLimit limit = new SocketRateLimit(new SocketRateLimit.Settings(10, 3, 100), 0);

        List<SocketRateLimit.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            verdicts.add(limit.take(0));
        }

        assertThat(verdicts).containsExactly(ALLOWED, ALLOWED, ALLOWED, REFUSED_FIRST, REFUSED);
        assertThat(limit.retryAfterMillis()).isEqualTo(100);
        assertThat(limit.take(SECOND / 10)).isEqualTo(ALLOWED);
        assertThat(limit.take(SECOND / 10)).isEqualTo(REFUSED_FIRST);
    }

    @Test
    void givenAnIdleSocket_whenItWaitsLong_thenTheBucketRefillsOnlyUpToTheBurst() {
        SocketRateLimit limit = new SocketRateLimit(new SocketRateLimit.Settings(10, 2, 100), 0);
        limit.take(0);
        limit.take(0);

        long later = 3600 * SECOND;
        assertThat(List.of(limit.take(later), limit.take(later), limit.take(later)))
                .containsExactly(ALLOWED, ALLOWED, REFUSED_FIRST);
    }

    @Test
    void givenAClientThatIgnoresRefusals_whenItKeepsSending_thenTheAbuseLimitIsReached() {
        SocketRateLimit limit = new SocketRateLimit(new SocketRateLimit.Settings(1, 1, 3), 0);
        limit.take(0);

        assertThat(List.of(limit.take(0), limit.take(0), limit.take(0))).containsExactly(REFUSED_FIRST, REFUSED, ABUSE);
    }

    @Test
    void givenNonPositiveSettings_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new SocketRateLimit.Settings(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
