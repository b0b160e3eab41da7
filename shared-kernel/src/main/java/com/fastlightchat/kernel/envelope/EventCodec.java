package com.fastlightchat.kernel.envelope;

import com.fastlightchat.kernel.event.DomainEvent;
import tools.jackson.databind.JsonNode;

/**
 * Encodes and decodes {@link EventEnvelope}s as JSON without touching personal data: {@link EnvelopeCodec#PLAIN}
 * behind static methods. Sealed personal values pass through as the strings they are; services that must read or
 * write personal data use an {@link EnvelopeCodec#sealing} codec instead.
 */
public final class EventCodec {

    private EventCodec() {
    }

    public static byte[] encode(EventEnvelope envelope) {
        return EnvelopeCodec.PLAIN.encode(envelope);
    }

    public static String encodeToString(EventEnvelope envelope) {
        return EnvelopeCodec.PLAIN.encodeToString(envelope);
    }

    /** Reads an envelope; throws {@link UnknownEventTypeException} for a type/version this build does not know. */
    public static EventEnvelope decode(byte[] json) {
        return EnvelopeCodec.PLAIN.decode(json);
    }

    public static EventEnvelope decode(String json) {
        return EnvelopeCodec.PLAIN.decode(json);
    }

    /** The event alone as a JSON tree (as shown to API clients). */
    public static JsonNode payloadTree(DomainEvent event) {
        return EnvelopeCodec.PLAIN.payloadTree(event);
    }
}
