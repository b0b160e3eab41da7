package com.fastlightchat.loadgen.socket;

import com.fastlightchat.kernel.id.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BenchMessagesTest {

    @Test
    void givenPlannedTimeAndIndex_whenEncoded_thenDecodedBackAndAValidClientMessageId() {
        long planned = BenchMessages.micros(Instant.parse("2026-11-22T10:00:00.123456Z"));
        String id = BenchMessages.clientMessageId(planned, 4711);
        assertThat(Ids.FORMAT.matcher(id).matches()).isTrue();
        assertThat(BenchMessages.plannedMicros(id)).isEqualTo(planned);
        assertThat(BenchMessages.index(id)).isEqualTo(4711);
    }

    @Test
    void givenOtherIds_whenDecoded_thenMinusOne() {
        assertThat(BenchMessages.plannedMicros("cm-123")).isEqualTo(-1);
        assertThat(BenchMessages.plannedMicros(null)).isEqualTo(-1);
        assertThat(BenchMessages.plannedMicros("bm-notanumber-1")).isEqualTo(-1);
        assertThat(BenchMessages.index("c-1")).isEqualTo(-1);
    }

    @Test
    void givenInstant_whenConvertedToMicros_thenMicrosecondsSinceTheEpoch() {
        assertThat(BenchMessages.micros(Instant.ofEpochSecond(2, 3_000))).isEqualTo(2_000_003);
    }
}
