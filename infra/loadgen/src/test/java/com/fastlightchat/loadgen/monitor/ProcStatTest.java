package com.fastlightchat.loadgen.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {

    @Test
    void givenStatLineWithSpacesInTheCommand_whenParsed_thenFieldsAfterTheCommand() {
        String line = "4242 (java main (x)) S 17 4242 17 0 -1 4194304 98 0 0 0 250 75 0 0 20 0 30 0 1073414 "
                + "3133440 383 18446744073709551615 1 2 3 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
        ProcStat stat = ProcStat.parse(line).orElseThrow();
        assertThat(stat.pid()).isEqualTo(4242);
        assertThat(stat.comm()).isEqualTo("java main (x)");
        assertThat(stat.ppid()).isEqualTo(17);
        assertThat(stat.utime()).isEqualTo(250);
        assertThat(stat.stime()).isEqualTo(75);
        assertThat(stat.cpuTicks()).isEqualTo(325);
        assertThat(stat.startTime()).isEqualTo(1073414);
        assertThat(stat.rssPages()).isEqualTo(383);
    }

    @Test
    void givenGarbage_whenParsed_thenEmpty() {
        assertThat(ProcStat.parse("not a stat line")).isEmpty();
        assertThat(ProcStat.parse("12 (x) S")).isEmpty();
    }
}
