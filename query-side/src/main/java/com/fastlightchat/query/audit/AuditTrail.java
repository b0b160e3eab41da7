package com.fastlightchat.query.audit;

import com.fastlightchat.kernel.envelope.MalformedEventException;
import com.fastlightchat.kernel.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code audit_events} table: each envelope as published, whatever its type — also types this build does not
 * know yet, so that the trail is complete. Written only by {@link AuditProjector}; a redelivered event is ignored.
 */
@Repository
public class AuditTrail {

    /** The aggregate types that make up an organization's settings (not its conversations). */
    public static final List<String> SETTINGS_TYPES = List.of("organization", "environment", "agent");

    /** Every topic: the trail is complete. */
    public static final List<String> TOPICS = Topics.ALL;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REQUIRED =
            List.of("eventId", "organizationId", "aggregateType", "aggregateId", "sequence", "type", "version", "occurredAt");

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one record of any topic. The envelope is read as plain JSON (not through the event registry) so that
     * events of types this build does not know are kept too. Idempotent by event id.
     */
    public void project(ConsumerRecord<String, byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode envelope;
        try {
            envelope = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON at " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
        for (String field : REQUIRED) {
            if (envelope == null || !envelope.hasNonNull(field)) {
                throw new MalformedEventException("envelope lacks '" + field + "' at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset(), null);
            }
        }
        record(envelope, json);
    }

    private void record(JsonNode envelope, String json) {
        jdbc.sql("""
                        insert into audit_events (event_id, organization_id, aggregate_type, aggregate_id, sequence,
                          type, version, occurred_at, causation_id, correlation_id, envelope)
                        values (:eventId, :org, :aggregateType, :aggregateId, :sequence, :type, :version, :occurredAt,
                          :causation, :correlation, cast(:envelope as jsonb))
                        on conflict do nothing""")
                .param("eventId", text(envelope, "eventId"))
                .param("org", text(envelope, "organizationId"))
                .param("aggregateType", text(envelope, "aggregateType"))
                .param("aggregateId", text(envelope, "aggregateId"))
                .param("sequence", envelope.path("sequence").asLong())
                .param("type", text(envelope, "type"))
                .param("version", envelope.path("version").asInt())
                .param("occurredAt", Timestamp.from(Instant.parse(text(envelope, "occurredAt"))))
                .param("causation", text(envelope, "causationId"))
                .param("correlation", text(envelope, "correlationId"))
                .param("envelope", json)
                .update();
    }

    /** The organization that owns an aggregate, if its events were seen. */
    public Optional<String> organizationOf(String aggregateId) {
        return jdbc.sql("select organization_id from audit_events where aggregate_id = :id limit 1")
                .param("id", aggregateId).query(String.class).optional();
    }

    /** Every event of one aggregate in sequence order, each as its envelope JSON. */
    public void history(String aggregateId, Consumer<String> sink) {
        jdbc.sql("select envelope::text from audit_events where aggregate_id = :id order by sequence")
                .param("id", aggregateId)
                .query((rs, n) -> rs.getString(1))
                .stream().forEach(sink);
    }

    /** An organization's settings history (organization, environments, agents) in time order. */
    public void settingsHistory(String organizationId, Instant since, Consumer<String> sink) {
        jdbc.sql("""
                        select envelope::text from audit_events
                        where organization_id = :org and aggregate_type in (:types) and occurred_at >= :since
                        order by occurred_at, aggregate_id, sequence""")
                .param("org", organizationId)
                .param("types", SETTINGS_TYPES)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getString(1))
                .stream().forEach(sink);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
