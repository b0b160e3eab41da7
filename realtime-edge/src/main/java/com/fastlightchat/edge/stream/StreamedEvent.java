package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.envelope.EventEnvelope;

import java.util.Objects;

/**
 * One record of the chat event stream: its place in its chat, and the decoded event when this build knows its
 * type. An event of a type this build does not know yet (a newer command side) still occupies its sequence, so it
 * is passed on with {@code envelope == null}: consumers show it as a content-free placeholder and the per-chat
 * sequence stays gapless for clients.
 *
 * @param chatId         the chat (the envelope's aggregate id)
 * @param organizationId the tenant
 * @param sequence       1-based, gapless per chat
 * @param envelope       the decoded event, or null for an unknown type
 * @param raw            the record as published (the envelope's JSON), kept for the recent-events window
 */
public record StreamedEvent(String chatId, String organizationId, long sequence, EventEnvelope envelope, byte[] raw) {

    public StreamedEvent {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(raw, "raw");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, got " + sequence);
        }
    }

    /** A known event as published. */
    public static StreamedEvent of(EventEnvelope envelope, byte[] raw) {
        return new StreamedEvent(envelope.aggregateId(), envelope.organizationId(), envelope.sequence(), envelope, raw);
    }

    public boolean known() {
        return envelope != null;
    }
}
