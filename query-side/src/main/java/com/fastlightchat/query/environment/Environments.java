package com.fastlightchat.query.environment;

import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.auth.OriginAllowlist;
import com.fastlightchat.kernel.event.EnvironmentEvent.AllowedOriginsChanged;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The {@code environments} table. Written only by {@link EnvironmentsProjector}. */
@Repository
public class Environments {

    private final JdbcClient jdbc;

    public Environments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one environment-events record. Idempotent: the same event again leaves the row as it is. */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case EnvironmentCreated created -> apply(envelope, created);
                case PluginKeyRotated rotated -> apply(envelope, rotated);
                case AllowedOriginsChanged changed -> apply(envelope, changed);
                default -> {
                }
            }
        });
    }

    void apply(EventEnvelope envelope, EnvironmentCreated event) {
        jdbc.sql("""
                        insert into environments (environment_id, organization_id, name, plugin_key, last_event_id, updated_at)
                        values (:env, :org, :name, :pluginKey, :eventId, :at)
                        on conflict (environment_id) do nothing""")
                .param("env", event.environmentId().value())
                .param("org", event.organizationId().value())
                .param("name", event.name())
                .param("pluginKey", event.pluginKey())
                .param("eventId", envelope.eventId())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .update();
    }

    /**
     * The new plugin key replaces the old one at once. Applied only over an older state (the row's last event is
     * not this one), so a redelivery changes nothing; events of one environment arrive in order.
     */
    void apply(EventEnvelope envelope, PluginKeyRotated event) {
        jdbc.sql("""
                        update environments set plugin_key = :pluginKey, last_event_id = :eventId, updated_at = :at
                        where environment_id = :env and last_event_id <> :eventId""")
                .param("env", event.environmentId().value())
                .param("pluginKey", event.pluginKey())
                .param("eventId", envelope.eventId())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .update();
    }

    /** The new set replaces the old one; a redelivery (the row's last event) changes nothing. */
    void apply(EventEnvelope envelope, AllowedOriginsChanged event) {
        jdbc.sql("""
                        update environments set allowed_origins = :origins, last_event_id = :eventId, updated_at = :at
                        where environment_id = :env and last_event_id <> :eventId""")
                .param("env", event.environmentId().value())
                .param("origins", OriginAllowlist.format(event.allowedOrigins()))
                .param("eventId", envelope.eventId())
                .param("at", Timestamp.from(envelope.occurredAt()))
                .update();
    }

    /** The allowed origins of the plugin key's environment (empty: any site); empty when no environment has it. */
    public Optional<List<String>> allowedOrigins(String pluginKey) {
        return jdbc.sql("select allowed_origins from environments where plugin_key = :key")
                .param("key", pluginKey)
                .query((rs, n) -> OriginAllowlist.parse(rs.getString(1)))
                .optional();
    }

    public Optional<EnvironmentRef> byPluginKey(String pluginKey) {
        return jdbc.sql("select organization_id, environment_id from environments where plugin_key = :key")
                .param("key", pluginKey)
                .query((rs, n) -> new EnvironmentRef(rs.getString(1), rs.getString(2)))
                .optional();
    }
}
