package com.fastlightchat.query.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class TimeStatsTest {

    @Test
    void givenNoSample_whenSummarized_thenCountZeroAndNullFigures() {
        assertThat(TimeStats.of(List.of())).isEqualTo(new TimeStats(0, null, null, null));
    }

    @Test
    void givenOddAndEvenCounts_whenSummarized_thenMedianIsTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(TimeStats.of(List.of(1_000L, 2_000L, 9_000L))).isEqualTo(new TimeStats(3, 2.0, 9.0, 4.0));
        assertThat(TimeStats.of(List.of(1_000L, 2_001L))).isEqualTo(new TimeStats(2, 1.501, 2.001, 1.501));
    }

    @Test
    void givenTenToTwentySamples_whenSummarized_thenP90IsTheNearestRank() {
        List<Long> ten = LongStream.rangeClosed(1, 10).map(s -> s * 1000).boxed().toList();
        List<Long> eleven = LongStream.rangeClosed(1, 11).map(s -> s * 1000).boxed().toList();

        assertThat(TimeStats.of(ten).p90Seconds()).isEqualTo(9.0);
        assertThat(TimeStats.of(eleven).p90Seconds()).as("rank ceil(9.9) = 10").isEqualTo(10.0);
        assertThat(TimeStats.of(List.of(5_000L)).p90Seconds()).isEqualTo(5.0);
    }
}
