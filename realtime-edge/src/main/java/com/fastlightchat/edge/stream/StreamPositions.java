package com.fastlightchat.edge.stream;

import java.util.Map;

/**
 * Where the edge fleet has read a topic up to, shared by every instance, so that an instance that (re)starts picks
 * the stream up where the fleet left off instead of at its live end: the events published while no instance read
 * them still reach the recent-events window and the clients that resume. Best effort: a failure to load or save
 * is logged and the stream goes on.
 */
public interface StreamPositions {

    /** Positions are not shared: every start begins at the live end. */
    StreamPositions NONE = new StreamPositions() {
        @Override
        public Map<Integer, Long> load(String topic) {
            return Map.of();
        }

        @Override
        public void save(String topic, Map<Integer, Long> positions) {
        }
    };

    /** Partition → the offset of the next record to read, as last saved by any instance; empty when unknown. */
    Map<Integer, Long> load(String topic);

    /**
     * Records that every record below these offsets has been handed to the handlers; a saved offset only ever
     * grows (the most advanced instance wins).
     */
    void save(String topic, Map<Integer, Long> positions);
}
