package com.fastlightchat.query.analytics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one scope (the organization, a team or an agent) in one hour or day (UTC). Time measurements are
 * kept as exact samples in milliseconds, sorted, so that median, p90 and mean are exact and buckets merge by
 * concatenation; every field is a function of the set of facts counted, never of their order, so a replay yields
 * the same bucket.
 *
 * @param scopeId the team or agent id; empty for the organization
 * @param version how many facts the bucket counts: a sink keeps the highest, so redeliveries never go back
 */
public record Bucket(String organizationId, Scope scope, String scopeId, Window window, Instant start,
                     long chatsOpened, long chatsClosed, long chatsReopened, long messagesIn, long messagesOut,
                     Durations firstResponse, Durations reply, Durations resolution, long version) {

    public enum Scope {
        ORGANIZATION, TEAM, AGENT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Window {
        HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Window(ChronoUnit unit) {
            this.unit = unit;
        }

        public Instant start(Instant at) {
            return at.truncatedTo(unit);
        }

        public Instant end(Instant start) {
            return start.plus(1, unit);
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Sorted samples in milliseconds: calendar time, and the same intervals counted in business hours only. */
    public record Durations(List<Long> calendar, List<Long> business) {
        public static final Durations EMPTY = new Durations(List.of(), List.of());

        public Durations {
            calendar = calendar == null ? List.of() : List.copyOf(calendar);
            business = business == null ? List.of() : List.copyOf(business);
        }

        Durations plus(long calendarMillis, long businessMillis) {
            return new Durations(inserted(calendar, calendarMillis), inserted(business, businessMillis));
        }

        private static List<Long> inserted(List<Long> sorted, long value) {
            List<Long> next = new ArrayList<>(sorted.size() + 1);
            next.addAll(sorted);
            int at = Collections.binarySearch(next, value);
            next.add(at < 0 ? -at - 1 : at, value);
            return next;
        }
    }

    /** The bucket's key: {@code <organization>/<scope>/<scopeId>/<window>/<start>}. */
    public static String id(String organizationId, Scope scope, String scopeId, Window window, Instant start) {
        return organizationId + "/" + scope.wireName() + "/" + scopeId + "/" + window.wireName() + "/" + start;
    }

    public String id() {
        return id(organizationId, scope, scopeId, window, start);
    }

    static Bucket empty(String organizationId, Scope scope, String scopeId, Window window, Instant start) {
        return new Bucket(organizationId, scope, scopeId, window, start, 0, 0, 0, 0, 0, Durations.EMPTY,
                Durations.EMPTY, Durations.EMPTY, 0);
    }

    /** This bucket with one more measured fact counted. */
    Bucket plus(MeasuredFact measured) {
        ChatFact fact = measured.fact();
        long opened = chatsOpened, closed = chatsClosed, reopened = chatsReopened, in = messagesIn, out = messagesOut;
        Durations first = firstResponse, replies = reply, resolutions = resolution;
        switch (fact.kind()) {
            case OPENED -> opened++;
            case CLOSED -> closed++;
            case REOPENED -> reopened++;
            case MESSAGE_IN -> in++;
            case MESSAGE_OUT -> out++;
            case FIRST_RESPONSE -> first = first.plus(measured.millis(), measured.businessMillis());
            case REPLY -> replies = replies.plus(measured.millis(), measured.businessMillis());
            case RESOLUTION -> resolutions = resolutions.plus(measured.millis(), measured.businessMillis());
            case STATUS -> {
                return this;
            }
        }
        return new Bucket(organizationId, scope, scopeId, window, start, opened, closed, reopened, in, out, first,
                replies, resolutions, version + 1);
    }
}
