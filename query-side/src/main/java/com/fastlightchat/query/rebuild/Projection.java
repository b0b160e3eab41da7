package com.fastlightchat.query.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

/** A read model bound to one storage (live or fresh): it applies records and can fingerprint its content. */
public interface Projection {

    /** Applies one event record. Must be idempotent: the same record twice leaves the same state. */
    void apply(ConsumerRecord<String, byte[]> record);

    /** A checksum per document or row, keyed by its id; equal maps mean equal content. */
    Map<String, String> checksums();
}
