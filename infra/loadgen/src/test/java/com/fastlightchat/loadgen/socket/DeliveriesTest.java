package com.fastlightchat.loadgen.socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesTest {

    @Test
    void givenContiguousSequences_whenAccepted_thenAllNewWithoutGaps() {
        Deliveries deliveries = new Deliveries();
        assertThat(deliveries.accept("ch_1", 5)).isEqualTo(Deliveries.Outcome.NEW);
        assertThat(deliveries.accept("ch_1", 6)).isEqualTo(Deliveries.Outcome.NEW);
        assertThat(deliveries.accept("ch_2", 1)).isEqualTo(Deliveries.Outcome.NEW);
        assertThat(deliveries.gaps()).isZero();
    }

    @Test
    void givenRepeatedOrOlderSequence_whenAccepted_thenDuplicate() {
        Deliveries deliveries = new Deliveries();
        deliveries.accept("ch_1", 3);
        deliveries.accept("ch_1", 4);
        assertThat(deliveries.accept("ch_1", 4)).isEqualTo(Deliveries.Outcome.DUPLICATE);
        assertThat(deliveries.accept("ch_1", 2)).isEqualTo(Deliveries.Outcome.DUPLICATE);
    }

    @Test
    void givenSkippedSequences_whenAccepted_thenCountedAsGaps() {
        Deliveries deliveries = new Deliveries();
        deliveries.accept("ch_1", 1);
        assertThat(deliveries.accept("ch_1", 4)).isEqualTo(Deliveries.Outcome.NEW);
        assertThat(deliveries.gaps()).isEqualTo(2);
    }

    @Test
    void givenJoinAckWithoutEvents_whenNextEventArrives_thenCursorStartsAtTheAck() {
        Deliveries deliveries = new Deliveries();
        deliveries.joined("ch_1", 7);
        assertThat(deliveries.accept("ch_1", 7)).isEqualTo(Deliveries.Outcome.DUPLICATE);
        assertThat(deliveries.accept("ch_1", 9)).isEqualTo(Deliveries.Outcome.NEW);
        assertThat(deliveries.gaps()).isEqualTo(1);
    }

    @Test
    void givenCatchUpEventsBeforeTheAck_whenAckArrives_thenCursorKept() {
        Deliveries deliveries = new Deliveries();
        deliveries.accept("ch_1", 1);
        deliveries.accept("ch_1", 2);
        deliveries.joined("ch_1", 2);
        assertThat(deliveries.accept("ch_1", 3)).isEqualTo(Deliveries.Outcome.NEW);
        assertThat(deliveries.gaps()).isZero();
    }
}
