package com.fastlightchat.query.analytics.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.query.analytics.Bucket;
import com.fastlightchat.query.analytics.Bucket.Durations;
import com.fastlightchat.query.analytics.Bucket.Scope;
import com.fastlightchat.query.analytics.Bucket.Window;
import com.fastlightchat.query.analytics.Buckets;
import com.fastlightchat.query.analytics.LiveBacklog;
import com.fastlightchat.query.analytics.LiveBacklogs;
import com.fastlightchat.query.analytics.TimeStats;
import com.fastlightchat.web.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Analytics of the caller's organization for dashboards ({@code Authorization: Bearer}, any role): figures per
 * hour or day (UTC) for the organization, a team or an agent, and the live backlog. Buckets without activity are
 * left out; a time figure with no sample has null median, p90 and mean. Figures are those of the stream as far as
 * it has been processed (usually well under a second behind).
 */
@RestController
public class AnalyticsQueries {

    /** The longest range one request may ask for, per window. */
    static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);
    static final Duration MAX_DAILY_RANGE = Duration.ofDays(366);

    public record Metrics(String scope, String id, String window, boolean businessHours, List<BucketView> buckets) {
    }

    public record BucketView(Instant start, Instant end, long chatsOpened, long chatsClosed, long chatsReopened,
                             long messagesIn, long messagesOut, TimeStats firstResponseTime, TimeStats replyTime,
                             TimeStats resolutionTime) {
    }

    public record Live(long unassigned, long waiting, List<AgentLoad> agents) {
    }

    public record AgentLoad(String agentId, long load) {
    }

    private final Buckets buckets;
    private final LiveBacklogs backlogs;

    public AnalyticsQueries(Buckets buckets, LiveBacklogs backlogs) {
        this.buckets = buckets;
        this.backlogs = backlogs;
    }

    /**
     * @param scope         {@code organization} (default), {@code team} or {@code agent}
     * @param id            the team or agent id; omitted for the organization
     * @param window        {@code hour} (default) or {@code day}
     * @param from          buckets starting at or after this instant (ISO-8601)
     * @param to            buckets starting before this instant; at most 31 days after {@code from} for hours, 366
     *                      for days
     * @param businessHours time figures counting only the organization's opening hours (always open when it has
     *                      none)
     */
    @GetMapping("/v1/analytics/metrics")
    public Metrics metrics(AgentIdentity caller, @RequestParam(required = false) String scope,
                           @RequestParam(required = false) String id, @RequestParam(required = false) String window,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String businessHours) {
        Scope scopeValue = choice(Scope.class, scope, Scope.ORGANIZATION, "scope");
        String scopeId = scopeId(scopeValue, id);
        Window windowValue = choice(Window.class, window, Window.HOUR, "window");
        Instant fromValue = instant(from, "from");
        Instant toValue = instant(to, "to");
        if (!toValue.isAfter(fromValue)) {
            throw Rejection.invalid("to", "must be after from");
        }
        Duration maxRange = windowValue == Window.HOUR ? MAX_HOURLY_RANGE : MAX_DAILY_RANGE;
        if (Duration.between(fromValue, toValue).compareTo(maxRange) > 0) {
            throw Rejection.invalid("to", "must be at most " + maxRange.toDays() + " days after from for window "
                    + windowValue.wireName());
        }
        boolean business = flag(businessHours, "businessHours");
        List<BucketView> views = buckets.find(caller.organizationId(), scopeValue, scopeId, windowValue, fromValue,
                toValue).stream().map(b -> view(b, business)).toList();
        return new Metrics(scopeValue.wireName(), scopeValue == Scope.ORGANIZATION ? null : scopeId,
                windowValue.wireName(), business, views);
    }

    /** Open chats without an agent, open chats waiting for a human agent's reply, and each busy agent's load. */
    @GetMapping("/v1/analytics/live")
    public Live live(AgentIdentity caller) {
        LiveBacklog backlog = backlogs.find(caller.organizationId())
                .orElseGet(() -> LiveBacklog.empty(caller.organizationId()));
        return new Live(backlog.unassigned(), backlog.waiting(), backlog.loads().entrySet().stream()
                .map(e -> new AgentLoad(e.getKey(), e.getValue())).toList());
    }

    private static BucketView view(Bucket bucket, boolean business) {
        return new BucketView(bucket.start(), bucket.window().end(bucket.start()), bucket.chatsOpened(),
                bucket.chatsClosed(), bucket.chatsReopened(), bucket.messagesIn(), bucket.messagesOut(),
                stats(bucket.firstResponse(), business), stats(bucket.reply(), business),
                stats(bucket.resolution(), business));
    }

    private static TimeStats stats(Durations durations, boolean business) {
        return TimeStats.of(business ? durations.business() : durations.calendar());
    }

    private static String scopeId(Scope scope, String id) {
        if (scope == Scope.ORGANIZATION) {
            if (id != null) {
                throw Rejection.invalid("id", "must be omitted for scope organization");
            }
            return "";
        }
        if (id == null || id.isBlank()) {
            throw Rejection.invalid("id", "is required for scope " + scope.wireName());
        }
        if (!Ids.FORMAT.matcher(id).matches()) {
            throw Rejection.invalid("id", "must be 1-64 letters, digits, '_' or '-'");
        }
        return id;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E fallback, String field) {
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw Rejection.invalid(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static Instant instant(String value, String field) {
        if (value == null) {
            throw Rejection.invalid(field, "is required: an ISO-8601 instant, e.g. 2026-11-22T00:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, "must be an ISO-8601 instant, e.g. 2026-11-22T00:00:00Z");
        }
    }

    private static boolean flag(String value, String field) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Rejection.invalid(field, "must be true or false");
    }
}
