package com.fastlightchat.query.analytics;

import java.time.Duration;

/**
 * A chat fact with the time it measures (zero for facts that measure none), in calendar time and in the
 * organization's business hours as they were in force (see {@link OpeningHoursHistory}).
 */
public record MeasuredFact(ChatFact fact, long millis, long businessMillis) {

    public static MeasuredFact of(ChatFact fact, OpeningHoursHistory hours) {
        if (!fact.kind().timed() || fact.since() == null) {
            return new MeasuredFact(fact, 0, 0);
        }
        long millis = Math.max(0, Duration.between(fact.since(), fact.at()).toMillis());
        OpeningHoursHistory history = hours == null ? OpeningHoursHistory.NONE : hours;
        return new MeasuredFact(fact, millis, history.businessMillis(fact.since(), fact.at()));
    }
}
