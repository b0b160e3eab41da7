package com.fastlightchat.query.analytics;

import com.fastlightchat.query.analytics.Bucket.Durations;
import com.fastlightchat.query.analytics.Bucket.Scope;
import com.fastlightchat.query.analytics.Bucket.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code analytics_buckets} table: the last state of every bucket, written only by {@link AnalyticsSink}. A
 * bucket is replaced only by a higher version, so a redelivered older state never overwrites a newer one.
 */
@Repository
public class Buckets {

    private final JdbcClient jdbc;

    public Buckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Bucket bucket) {
        jdbc.sql("""
                        insert into analytics_buckets (organization_id, scope, scope_id, time_window, bucket_start,
                            chats_opened, chats_closed, chats_reopened, messages_in, messages_out,
                            first_response_ms, first_response_business_ms, reply_ms, reply_business_ms,
                            resolution_ms, resolution_business_ms, version)
                        values (:org, :scope, :scopeId, :window, :start, :opened, :closed, :reopened, :in, :out,
                            cast(:frt as bigint[]), cast(:frtb as bigint[]), cast(:rt as bigint[]),
                            cast(:rtb as bigint[]), cast(:res as bigint[]), cast(:resb as bigint[]), :version)
                        on conflict (organization_id, scope, scope_id, time_window, bucket_start) do update set
                            chats_opened = excluded.chats_opened, chats_closed = excluded.chats_closed,
                            chats_reopened = excluded.chats_reopened, messages_in = excluded.messages_in,
                            messages_out = excluded.messages_out, first_response_ms = excluded.first_response_ms,
                            first_response_business_ms = excluded.first_response_business_ms,
                            reply_ms = excluded.reply_ms, reply_business_ms = excluded.reply_business_ms,
                            resolution_ms = excluded.resolution_ms,
                            resolution_business_ms = excluded.resolution_business_ms, version = excluded.version
                        where analytics_buckets.version < excluded.version""")
                .param("org", bucket.organizationId())
                .param("scope", bucket.scope().wireName())
                .param("scopeId", bucket.scopeId())
                .param("window", bucket.window().wireName())
                .param("start", Timestamp.from(bucket.start()))
                .param("opened", bucket.chatsOpened())
                .param("closed", bucket.chatsClosed())
                .param("reopened", bucket.chatsReopened())
                .param("in", bucket.messagesIn())
                .param("out", bucket.messagesOut())
                .param("frt", array(bucket.firstResponse().calendar()))
                .param("frtb", array(bucket.firstResponse().business()))
                .param("rt", array(bucket.reply().calendar()))
                .param("rtb", array(bucket.reply().business()))
                .param("res", array(bucket.resolution().calendar()))
                .param("resb", array(bucket.resolution().business()))
                .param("version", bucket.version())
                .update();
    }

    /** The buckets of one scope and window starting in {@code [from, to)}, oldest first. */
    public List<Bucket> find(String organizationId, Scope scope, String scopeId, Window window, Instant from,
                             Instant to) {
        return jdbc.sql("""
                        select * from analytics_buckets
                        where organization_id = :org and scope = :scope and scope_id = :scopeId
                          and time_window = :window and bucket_start >= :from and bucket_start < :to
                        order by bucket_start""")
                .param("org", organizationId)
                .param("scope", scope.wireName())
                .param("scopeId", scopeId)
                .param("window", window.wireName())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> bucket(rs))
                .list();
    }

    /** Every organization's bucket of one window that starts at {@code start}. */
    public List<Bucket> organizationsAt(Window window, Instant start) {
        return jdbc.sql("""
                        select * from analytics_buckets
                        where scope = 'organization' and time_window = :window and bucket_start = :start""")
                .param("window", window.wireName())
                .param("start", Timestamp.from(start))
                .query((rs, n) -> bucket(rs))
                .list();
    }

    /** Every row, keyed by bucket id (for comparisons). */
    public java.util.Map<String, Bucket> all() {
        return jdbc.sql("select * from analytics_buckets").query((rs, n) -> bucket(rs)).list().stream()
                .collect(Collectors.toMap(Bucket::id, b -> b));
    }

    private static Bucket bucket(ResultSet rs) throws SQLException {
        return new Bucket(rs.getString("organization_id"),
                Scope.valueOf(rs.getString("scope").toUpperCase(Locale.ROOT)), rs.getString("scope_id"),
                Window.valueOf(rs.getString("time_window").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("bucket_start").toInstant(), rs.getLong("chats_opened"), rs.getLong("chats_closed"),
                rs.getLong("chats_reopened"), rs.getLong("messages_in"), rs.getLong("messages_out"),
                new Durations(longs(rs.getArray("first_response_ms")), longs(rs.getArray("first_response_business_ms"))),
                new Durations(longs(rs.getArray("reply_ms")), longs(rs.getArray("reply_business_ms"))),
                new Durations(longs(rs.getArray("resolution_ms")), longs(rs.getArray("resolution_business_ms"))),
                rs.getLong("version"));
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    private static String array(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
