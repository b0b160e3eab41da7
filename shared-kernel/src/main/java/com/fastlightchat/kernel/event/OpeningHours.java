package com.fastlightchat.kernel.event;

import java.time.DayOfWeek;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Minutes in a day: {@code 24:00} is this many minutes after midnight. */
    public static final int MINUTES_PER_DAY = 24 * 60;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    /** One opening period on a day of the week, e.g. MONDAY 09:00-17:30. */
    public record Period(DayOfWeek day, String from, String to) {

        /** Minutes after local midnight when the period starts. */
        public int fromMinute() {
            return minuteOfDay(from);
        }

        /** Minutes after local midnight when the period ends ({@link #MINUTES_PER_DAY} for {@code 24:00}). */
        public int toMinute() {
            return minuteOfDay(to);
        }
    }

    /**
     * {@code HH:mm} (00:00 to 24:00) as minutes after midnight.
     *
     * @throws IllegalArgumentException when {@code time} is not such a time
     */
    public static int minuteOfDay(String time) {
        Matcher matcher = time == null ? null : TIME.matcher(time);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not a time HH:mm: " + time);
        }
        int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
        if (minute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("after 24:00: " + time);
        }
        return minute;
    }
}
