package com.fastlightchat.edge.delivery;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeTest {

    private static Map<String, Object> event(long sequence) {
        return ClientEvents.hidden("ch_1", sequence);
    }

    private static List<Long> sequences(List<Map<String, Object>> events) {
        return events.stream().map(ClientEvents::sequenceOf).toList();
    }

    @Test
    void givenCatchUpOverlappingLiveBuffer_whenMerged_thenEverySequenceOnceInOrder() {
        var merged = Resume.merge(3, List.of(event(4), event(5), event(6)), List.of(event(6), event(7), event(5)));

        assertThat(sequences(merged)).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void givenEventsTheClientHasSeen_whenMerged_thenTheyAreDropped() {
        var merged = Resume.merge(5, List.of(event(3), event(4), event(5), event(6)), List.of(event(2)));

        assertThat(sequences(merged)).containsExactly(6L);
    }

    @Test
    void givenSameSequenceFromBothSources_whenMerged_thenTheCatchUpCopyWins() {
        Map<String, Object> caughtUp = Map.of("sequence", 4L, "from", "catch-up");
        Map<String, Object> live = Map.of("sequence", 4L, "from", "live");

        assertThat(Resume.merge(3, List.of(caughtUp), List.of(live))).containsExactly(caughtUp);
    }

    @Test
    void givenAHole_whenCheckedForContiguity_thenItIsNotContiguous() {
        assertThat(Resume.contiguous(3, List.of(event(4), event(5)))).isTrue();
        assertThat(Resume.contiguous(3, List.of(event(4), event(6)))).isFalse();
        assertThat(Resume.contiguous(3, List.of(event(5)))).isFalse();
        assertThat(Resume.contiguous(3, List.of())).isTrue();
    }

    @Test
    void givenWindow_whenAskedWhetherItCoversARange_thenStartHolesAndTheHeadDecide() {
        assertThat(CatchUp.covers(1, 3, 5, List.of(event(4), event(5)))).isTrue();
        assertThat(CatchUp.covers(5, 3, 5, List.of(event(5)))).as("window starts after the first missing one")
                .isFalse();
        assertThat(CatchUp.covers(1, 3, 6, List.of(event(4), event(5)))).as("the newest seen is not in it")
                .isFalse();
        assertThat(CatchUp.covers(1, 3, 0, List.of())).as("nothing newer, head unknown").isTrue();
    }
}
