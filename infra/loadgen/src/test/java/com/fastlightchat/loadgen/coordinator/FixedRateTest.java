package com.fastlightchat.loadgen.coordinator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FixedRateTest {

    @Test
    void givenRateAndDuration_whenRun_thenEveryOperationPlannedOneIntervalApartWithContinuingIndexes() {
        List<long[]> started = new ArrayList<>();
        long count = FixedRate.run(200, Duration.ofMillis(100), 40, (index, planned) -> started.add(
                new long[] {index, planned}));
        assertThat(count).isEqualTo(20);
        assertThat(started).hasSize(20);
        assertThat(started.getFirst()[0]).isEqualTo(40);
        assertThat(started.getLast()[0]).isEqualTo(59);
        for (int i = 1; i < started.size(); i++) {
            assertThat(started.get(i)[1] - started.get(i - 1)[1]).isBetween(4999L, 5001L);
        }
    }

    @Test
    void givenZeroRate_whenRun_thenNothingStarts() {
        assertThat(FixedRate.run(0, Duration.ofSeconds(10), 0, (index, planned) -> {
            throw new AssertionError("no operation expected");
        })).isZero();
    }
}
