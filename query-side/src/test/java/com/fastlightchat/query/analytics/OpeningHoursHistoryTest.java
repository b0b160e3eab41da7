package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursCleared;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursHistoryTest {

    static final OrganizationId ORG = new OrganizationId("org_1");
    static final AgentId OWNER = new AgentId("ag_owner");
    /** Mondays 09:00-17:00 in Berlin. */
    static final OpeningHours MONDAYS = new OpeningHours("Europe/Berlin",
            List.of(new OpeningHours.Period(DayOfWeek.MONDAY, "09:00", "17:00")));

    static EventEnvelope set(long sequence, String at, OpeningHours hours) {
        return EventEnvelope.of("e" + sequence, sequence, Instant.parse(at), null, null,
                new OpeningHoursSet(ORG, hours, OWNER));
    }

    static long hours(OpeningHoursHistory history, String from, String to) {
        return Duration.ofMillis(history.businessMillis(Instant.parse(from), Instant.parse(to))).toMinutes();
    }

    @Test
    void givenNoHours_whenMeasuring_thenEveryMinuteCounts() {
        assertThat(hours(OpeningHoursHistory.NONE, "2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z")).isEqualTo(2 * 24 * 60);
    }

    @Test
    void givenHoursSetThenCleared_whenMeasuringAcrossBoth_thenEachPartCountsByTheHoursInForce() {
        OpeningHoursHistory history = OpeningHoursHistory.NONE
                .next(set(1, "2026-03-01T00:00:00Z", MONDAYS))
                .next(EventEnvelope.of("e2", 2, Instant.parse("2026-03-09T12:00:00Z"), null, null,
                        new OpeningHoursCleared(ORG, OWNER)));

        // Monday 2 March (UTC+1): 08:00-16:00 UTC open = 480 min; then nothing open until Monday 9 March 08:00 UTC,
        // open 08:00-12:00 UTC (240 min) until the hours are cleared at 12:00, then every minute until 14:00 (120 min)
        assertThat(hours(history, "2026-03-02T00:00:00Z", "2026-03-09T14:00:00Z")).isEqualTo(480 + 240 + 120);
        assertThat(hours(history, "2026-02-28T23:00:00Z", "2026-03-01T01:00:00Z"))
                .as("before the first setting: always open").isEqualTo(60 + 0);
    }

    @Test
    void givenSummerTime_whenMeasuringAMonday_thenTheLocalHoursCount() {
        OpeningHoursHistory history = OpeningHoursHistory.NONE.next(set(1, "2026-01-01T00:00:00Z", MONDAYS));

        // Monday 30 March 2026 is summer time in Berlin (UTC+2): open 07:00-15:00 UTC
        assertThat(hours(history, "2026-03-30T06:00:00Z", "2026-03-30T08:00:00Z")).isEqualTo(60);
        assertThat(hours(history, "2026-03-30T14:30:00Z", "2026-03-30T20:00:00Z")).isEqualTo(30);
    }

    @Test
    void givenEventsTwiceOrOfOtherKinds_whenApplied_thenHistoryUnchangedButSequenceKept() {
        OpeningHoursHistory once = OpeningHoursHistory.NONE.next(set(1, "2026-01-01T00:00:00Z", MONDAYS));

        assertThat(once.next(set(1, "2026-01-01T00:00:00Z", MONDAYS))).isEqualTo(once);
        OpeningHoursHistory renamed = once.next(EventEnvelope.of("e2", 2, Instant.parse("2026-01-02T00:00:00Z"), null,
                null, new OrganizationRenamed(ORG, "Acme")));
        assertThat(renamed.changes()).isEqualTo(once.changes());
        assertThat(renamed.lastSequence()).isEqualTo(2);
    }

    @Test
    void givenUnusableHours_whenSet_thenAlwaysOpen() {
        OpeningHoursHistory history = OpeningHoursHistory.NONE.next(set(1, "2026-01-01T00:00:00Z",
                new OpeningHours("Mars/Olympus", MONDAYS.periods())));

        assertThat(hours(history, "2026-03-03T00:00:00Z", "2026-03-03T01:00:00Z")).isEqualTo(60);
    }
}
