package com.fastlightchat.query.analytics;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursCleared;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every opening-hours setting an organization ever had, each from the moment it was set, so that business time is
 * computed by event time alone: whenever a fact is processed, an interval counts the hours that were in force at
 * each of its instants. Before the first setting, and after hours were cleared, the organization counts as always
 * open (business time equals calendar time).
 *
 * @param changes ordered by {@code from}; {@code hours} null means always open
 * @param lastSequence the organization's sequence of the last event applied (duplicates change nothing)
 */
public record OpeningHoursHistory(List<Change> changes, long lastSequence) {

    public static final OpeningHoursHistory NONE = new OpeningHoursHistory(List.of(), 0);

    public record Change(Instant from, OpeningHours hours) {
    }

    public OpeningHoursHistory {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The history after an organization event; other events, duplicates and older ones change nothing. */
    public OpeningHoursHistory next(EventEnvelope envelope) {
        if (envelope.sequence() <= lastSequence) {
            return this;
        }
        List<Change> next = new ArrayList<>(changes);
        switch (envelope.payload()) {
            case OpeningHoursSet set -> next.add(new Change(envelope.occurredAt(), usable(set.openingHours())));
            case OpeningHoursCleared ignored -> next.add(new Change(envelope.occurredAt(), null));
            default -> {
            }
        }
        next.sort(Comparator.comparing(Change::from));
        return new OpeningHoursHistory(next, envelope.sequence());
    }

    /** Milliseconds of {@code [start, end)} inside the opening hours in force at each instant. */
    public long businessMillis(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return 0;
        }
        long total = 0;
        Instant segmentStart = start;
        OpeningHours hours = null;
        for (Change change : changes) {
            if (!change.from().isAfter(segmentStart)) {
                hours = change.hours();
                continue;
            }
            if (!change.from().isBefore(end)) {
                break;
            }
            total += openMillis(hours, segmentStart, change.from());
            segmentStart = change.from();
            hours = change.hours();
        }
        return total + openMillis(hours, segmentStart, end);
    }

    /** Milliseconds of {@code [start, end)} inside {@code hours} (all of it when null). */
    static long openMillis(OpeningHours hours, Instant start, Instant end) {
        if (hours == null) {
            return Duration.between(start, end).toMillis();
        }
        ZoneId zone = ZoneId.of(hours.timeZone());
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(zone).toLocalDate();
        long total = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (OpeningHours.Period period : hours.periods()) {
                if (period.day() != day.getDayOfWeek()) {
                    continue;
                }
                // local wall-clock times; atZone moves a time inside a DST gap forward
                Instant open = day.atStartOfDay().plusMinutes(period.fromMinute()).atZone(zone).toInstant();
                Instant close = day.atStartOfDay().plusMinutes(period.toMinute()).atZone(zone).toInstant();
                Instant from = open.isAfter(start) ? open : start;
                Instant to = close.isBefore(end) ? close : end;
                if (to.isAfter(from)) {
                    total += Duration.between(from, to).toMillis();
                }
            }
        }
        return total;
    }

    /** Hours that cannot be computed with (never accepted by the command side) count as always open. */
    private static OpeningHours usable(OpeningHours hours) {
        try {
            ZoneId.of(hours.timeZone());
            hours.periods().forEach(p -> {
                if (p.day() == null || p.fromMinute() >= p.toMinute()) {
                    throw new IllegalArgumentException("empty period");
                }
            });
            return hours.periods().isEmpty() ? null : hours;
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
