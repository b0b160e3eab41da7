package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.envelope.MalformedEventException;
import com.fastlightchat.kernel.envelope.UnknownEventTypeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/** Reads published chat event records, tolerating event types this build does not know yet. */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * The record as a {@link StreamedEvent}; for an unknown type only its envelope header (chat, tenant, sequence)
     * is read. Empty for a malformed record or one that is not a chat event.
     */
    public static Optional<StreamedEvent> read(byte[] raw) {
        try {
            var envelope = EventCodec.decode(raw);
            return "chat".equals(envelope.aggregateType())
                    ? Optional.of(StreamedEvent.of(envelope, raw)) : Optional.empty();
        } catch (UnknownEventTypeException e) {
            return header(raw);
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    private static Optional<StreamedEvent> header(byte[] raw) {
        try {
            JsonNode node = KernelJson.mapper().readTree(raw);
            String chatId = node.path("aggregateId").asString(null);
            String organizationId = node.path("organizationId").asString(null);
            long sequence = node.path("sequence").asLong(0);
            if (!"chat".equals(node.path("aggregateType").asString(null)) || chatId == null
                    || organizationId == null || sequence < 1) {
                return Optional.empty();
            }
            return Optional.of(new StreamedEvent(chatId, organizationId, sequence, null, raw));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
