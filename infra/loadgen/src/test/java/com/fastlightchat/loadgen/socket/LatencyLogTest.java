package com.fastlightchat.loadgen.socket;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyLogTest {

    @Test
    void givenRecordedValues_whenReadAsIntervalsAndTotal_thenTotalKeepsEverythingUntilReset() {
        LatencyLog log = new LatencyLog();
        log.record(1000);
        log.record(3000);
        assertThat(log.interval().getTotalCount()).isEqualTo(2);
        log.record(5000);
        assertThat(log.interval().getTotalCount()).isEqualTo(1);
        assertThat(log.total().getTotalCount()).isEqualTo(3);
        log.reset();
        assertThat(log.total().getTotalCount()).isZero();
    }

    @Test
    void givenHistogram_whenEncodedAndDecoded_thenSameCountsAndPercentiles() {
        LatencyLog log = new LatencyLog();
        for (int i = 1; i <= 1000; i++) {
            log.record(i * 10L);
        }
        Histogram original = log.total();
        Histogram decoded = LatencyLog.decode(LatencyLog.encode(original));
        assertThat(decoded.getTotalCount()).isEqualTo(1000);
        assertThat(decoded.getValueAtPercentile(99)).isEqualTo(original.getValueAtPercentile(99));
        assertThat(decoded.getMaxValue()).isEqualTo(original.getMaxValue());
    }
}
