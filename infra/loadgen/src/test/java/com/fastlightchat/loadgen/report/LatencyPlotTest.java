package com.fastlightchat.loadgen.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyPlotTest {

    @Test
    void givenTwoSeries_whenPlotted_thenOneLineAndLegendEachAndTheSpecificationLimit() {
        Histogram fast = new Histogram(3);
        Histogram slow = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            fast.recordValue(1000 + i);
            slow.recordValue(20_000 + i * 100L);
        }
        String svg = LatencyPlot.svg("e2e <test>", List.of(new LatencyPlot.Series("ours: agents", fast),
                new LatencyPlot.Series("reference: agents", slow), new LatencyPlot.Series("empty", new Histogram(3))));
        assertThat(svg).startsWith("<svg").contains("e2e &lt;test&gt;");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("ours: agents").contains("reference: agents").doesNotContain(">empty<");
        assertThat(svg).contains("150 ms (specification)");
    }

    @Test
    void givenHistogram_whenSummarised_thenPercentilesInMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 1000L);
        }
        Latency latency = Latency.of(micros);
        assertThat(latency.count()).isEqualTo(100);
        // three significant digits: within 0.1 %
        assertThat(latency.p50()).isCloseTo(50.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(latency.p99()).isCloseTo(99.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(latency.max()).isCloseTo(100.0, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(Latency.of(new Histogram(3)).count()).isZero();
    }

    @Test
    void givenTargets_whenCompared_thenMetOnlyWithinThem() {
        assertThat(Goal.atMost("floor", "p99", 150, 149.5, " ms").met()).isTrue();
        assertThat(Goal.atMost("floor", "p99", 150, 151, " ms").met()).isFalse();
        assertThat(Goal.atLeast("goal", "sockets", 19_000, 19_250, "").measured()).isEqualTo("19,250");
        assertThat(Goal.atLeast("goal", "sockets", 19_000, 18_999, "").met()).isFalse();
    }
}
