package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.envelope.MalformedEventException;
import com.fastlightchat.kernel.envelope.UnknownEventTypeException;
import com.fastlightchat.kernel.privacy.KeysUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/** Reads published chat event records, tolerating event types this build does not know yet. */
public final class EventRecords {

    private static final Logger log = LoggerFactory.getLogger(EventRecords.class);

    private EventRecords() {
    }

    /**
     * The record as a {@link StreamedEvent}, its personal data opened with {@code codec} (an erased user's reads
     * {@code [erased]}); for an unknown type only its envelope header (chat, tenant, sequence) is read, and so it is
     * when the keys to open it cannot be had right now (the client gets a content-free placeholder rather than a
     * stalled stream). Empty for a malformed record or one that is not a chat event.
     */
    public static Optional<StreamedEvent> read(byte[] raw, EnvelopeCodec codec) {
        try {
            var envelope = codec.decode(raw);
            return "chat".equals(envelope.aggregateType())
                    ? Optional.of(StreamedEvent.of(envelope, raw)) : Optional.empty();
        } catch (UnknownEventTypeException e) {
            return header(raw);
        } catch (KeysUnavailableException e) {
            log.warn("personal data of an event could not be opened, passed on as a placeholder: {}", e.getMessage());
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
