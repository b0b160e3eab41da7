package com.fastlightchat.kernel.event;

import java.time.DayOfWeek;
import java.util.List;

/**
 * When an organization's support is open: weekly periods in a time zone. Times are local wall-clock times
 * {@code HH:mm} in {@code timeZone}, {@code from} before {@code to}; {@code to} may be {@code 24:00} (end of the
 * day). Periods never overlap and are sorted by day, then {@code from}. Business-hours figures count only the time
 * inside these periods.
 *
 * @param timeZone an IANA time-zone id, e.g. {@code Europe/Berlin}
 * @param periods  at least one period
 */
public record OpeningHours(String timeZone, List<Period> periods) {

    public OpeningHours {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** One opening period on a day of the week, e.g. MONDAY 09:00-17:30. */
    public record Period(DayOfWeek day, String from, String to) {
    }
}
