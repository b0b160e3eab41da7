package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Encodes and decodes {@link EventEnvelope}s as JSON: the envelope's fields at the top level and the event under
 * {@code payload}. The published JSON shape is pinned by golden files in this module's tests.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = KernelJson.mapper();

    private EventCodec() {
    }

    public static byte[] encode(EventEnvelope envelope) {
        return MAPPER.writeValueAsBytes(toTree(envelope));
    }

    public static String encodeToString(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(toTree(envelope));
    }

    /** Reads an envelope; throws {@link UnknownEventTypeException} for a type/version this build does not know. */
    public static EventEnvelope decode(byte[] json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static EventEnvelope decode(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The event alone as a JSON tree (as shown to API clients). */
    public static JsonNode payloadTree(DomainEvent event) {
        return MAPPER.valueToTree(event);
    }

    private static ObjectNode toTree(EventEnvelope e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", e.eventId());
        node.put("type", e.type());
        node.put("version", e.version());
        node.put("aggregateType", e.aggregateType());
        node.put("aggregateId", e.aggregateId());
        node.put("sequence", e.sequence());
        node.put("organizationId", e.organizationId());
        node.put("occurredAt", e.occurredAt().toString());
        node.put("causationId", e.causationId());
        node.put("correlationId", e.correlationId());
        if (e.actor() != null) {
            node.put("actor", e.actor());
        }
        node.set("payload", MAPPER.valueToTree(e.payload()));
        return node;
    }

    private static EventEnvelope fromTree(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event envelope must be a JSON object", null);
        }
        String type = required(node, "type").asString();
        int version = required(node, "version").asInt();
        Class<? extends DomainEvent> eventClass = EventTypes.classOf(type, version)
                .orElseThrow(() -> new UnknownEventTypeException(type, version));
        DomainEvent payload;
        try {
            payload = MAPPER.treeToValue(required(node, "payload"), eventClass);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + type + " v" + version + " is invalid: " + e.getMessage(), e);
        }
        requireConsistent(node, type, payload);
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(required(node, "occurredAt").asString());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("event envelope's 'occurredAt' is not an ISO-8601 instant", e);
        }
        try {
            return new EventEnvelope(
                    required(node, "eventId").asString(), type, version,
                    required(node, "aggregateType").asString(), required(node, "aggregateId").asString(),
                    required(node, "sequence").asLong(), required(node, "organizationId").asString(),
                    occurredAt, optional(node, "causationId"), optional(node, "correlationId"),
                    optional(node, "actor"), payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event envelope is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The payload must name its aggregate and tenant, and they must be the envelope's: a payload that lacks its
     * id (Jackson would leave it null) or contradicts its envelope is rejected here, not deep inside a consumer.
     */
    private static void requireConsistent(JsonNode node, String type, DomainEvent payload) {
        String aggregateId;
        String organizationId;
        try {
            aggregateId = payload.aggregateId();
            organizationId = payload.organizationId().value();
        } catch (NullPointerException e) {
            throw new MalformedEventException("payload of " + type + " lacks its aggregate or organization id", e);
        }
        if (!aggregateId.equals(required(node, "aggregateId").asString())
                || !organizationId.equals(required(node, "organizationId").asString())) {
            throw new MalformedEventException("payload of " + type
                    + " names another aggregate or organization than its envelope", null);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("event envelope lacks '" + field + "'", null);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
