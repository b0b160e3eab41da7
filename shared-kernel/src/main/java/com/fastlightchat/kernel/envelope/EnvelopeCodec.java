package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventTypes;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Encodes and decodes {@link EventEnvelope}s as JSON: the envelope's fields at the top level and the event under
 * {@code payload}. The published JSON shape is pinned by golden files in this module's tests. {@link #PLAIN} leaves
 * personal data as it is (sealed values pass through); {@link #sealing} seals it when encoding and opens it when
 * decoding, which is how the command side publishes and how consumers that show personal data read.
 */
public final class EnvelopeCodec {

    /** Without a cipher: what {@link EventCodec} does. */
    public static final EnvelopeCodec PLAIN = new EnvelopeCodec(KernelJson.mapper());

    private final JsonMapper mapper;

    private EnvelopeCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A codec that seals personal data with {@code cipher} when encoding and opens it when decoding. */
    public static EnvelopeCodec sealing(PersonalDataCipher cipher) {
        return new EnvelopeCodec(KernelJson.mapper(cipher));
    }

    public byte[] encode(EventEnvelope envelope) {
        return mapper.writeValueAsBytes(toTree(envelope));
    }

    public String encodeToString(EventEnvelope envelope) {
        return mapper.writeValueAsString(toTree(envelope));
    }

    /**
     * Reads an envelope; throws {@link UnknownEventTypeException} for a type/version this build does not know,
     * {@link MalformedEventException} for anything unreadable (also personal data that was tampered with), and
     * {@link KeysUnavailableException} when personal data cannot be opened right now (retry later).
     */
    public EventEnvelope decode(byte[] json) {
        try {
            return fromTree(mapper.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public EventEnvelope decode(String json) {
        try {
            return fromTree(mapper.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The event alone as a JSON tree (as shown to API clients). */
    public JsonNode payloadTree(DomainEvent event) {
        return mapper.valueToTree(event);
    }

    private ObjectNode toTree(EventEnvelope e) {
        ObjectNode node = mapper.createObjectNode();
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
        node.set("payload", mapper.valueToTree(e.payload()));
        return node;
    }

    private EventEnvelope fromTree(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event envelope must be a JSON object", null);
        }
        String type = required(node, "type").asString();
        int version = required(node, "version").asInt();
        Class<? extends DomainEvent> eventClass = EventTypes.classOf(type, version)
                .orElseThrow(() -> new UnknownEventTypeException(type, version));
        DomainEvent payload;
        try {
            payload = mapper.treeToValue(required(node, "payload"), eventClass);
        } catch (JacksonException | IllegalArgumentException e) {
            rethrowUnavailableKeys(e);
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

    /** A key that cannot be fetched now is not a malformed event: the caller must retry, not skip it. */
    private static void rethrowUnavailableKeys(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof KeysUnavailableException unavailable) {
                throw unavailable;
            }
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
