package com.fastlightchat.query.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

/** Fresh storage: a projection over it, where it is, and how to remove it. */
record FreshStorage(Projection projection, String location, Runnable dropper) implements ReadModel.Fresh {

    @Override
    public void drop() {
        dropper.run();
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        projection.apply(record);
    }

    @Override
    public Map<String, String> checksums() {
        return projection.checksums();
    }
}
