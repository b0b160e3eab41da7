package com.fastlightchat.query.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A read model bound to one storage (live or fresh): it applies records and can fingerprint its content. */
public interface Projection {

    /** Applies one event record. Must be idempotent: the same record twice leaves the same state. */
    void apply(ConsumerRecord<String, byte[]> record);

    /** A checksum per document or row, keyed by its id; equal maps mean equal content. */
    Map<String, String> checksums();

    /** A projection from its apply function and its checksum source. */
    static Projection of(Consumer<ConsumerRecord<String, byte[]>> apply, Supplier<Map<String, String>> checksums) {
        return new Projection() {
            @Override
            public void apply(ConsumerRecord<String, byte[]> record) {
                apply.accept(record);
            }

            @Override
            public Map<String, String> checksums() {
                return checksums.get();
            }
        };
    }
}
