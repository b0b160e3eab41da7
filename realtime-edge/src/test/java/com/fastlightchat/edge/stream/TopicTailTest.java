package com.fastlightchat.edge.stream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicTailTest {

    private static final TopicPartition P0 = new TopicPartition("chat-events", 0);
    private static final TopicPartition P1 = new TopicPartition("chat-events", 1);
    private static final TopicPartition P2 = new TopicPartition("chat-events", 2);

    @Test
    void givenFleetPositions_whenStarting_thenEachPartitionResumesWhereTheFleetLeftOff() {
        var starts = TopicTail.startOffsets(Map.of(P0, 100L, P1, 50L), Map.of(P0, 0L, P1, 0L),
                Map.of(0, 90L, 1, 50L), 1000);

        assertThat(starts).containsEntry(P0, 90L).containsEntry(P1, 50L);
    }

    @Test
    void givenNoPositionOrOneOutsideThePartition_whenStarting_thenThatPartitionStartsAtItsEnd() {
        var starts = TopicTail.startOffsets(Map.of(P0, 100L, P1, 50L, P2, 70L), Map.of(P0, 0L, P1, 20L, P2, 0L),
                Map.of(1, 10L, 2, 71L), 1000);

        assertThat(starts).containsEntry(P0, 100L).containsEntry(P1, 50L).containsEntry(P2, 70L);
    }

    @Test
    void givenPositionFarBehind_whenStarting_thenAtMostMaxReplayRecordsAreRead() {
        var starts = TopicTail.startOffsets(Map.of(P0, 100_000L), Map.of(P0, 0L), Map.of(0, 5L), 20_000);

        assertThat(starts).containsEntry(P0, 80_000L);
    }
}
