package com.fastlightchat.query.rebuild;

import java.util.List;

/**
 * What a rebuild did and found.
 *
 * @param readModel      the read model's name
 * @param events         events replayed
 * @param seconds        wall time of the replay
 * @param eventsPerSecond replay throughput
 * @param liveCount      documents/rows in the live model
 * @param rebuiltCount   documents/rows in the rebuilt model
 * @param differences    every id whose checksum differs or that exists on one side only (at most 1000 listed)
 * @param equal          true when the rebuilt model equals the live one exactly
 * @param location       where the rebuilt model is, if it was kept
 */
public record RebuildReport(String readModel, long events, double seconds, double eventsPerSecond, int liveCount,
                            int rebuiltCount, List<Difference> differences, boolean equal, String location) {

    public enum Kind { MISSING_IN_REBUILD, MISSING_IN_LIVE, DIFFERENT }

    public record Difference(String id, Kind kind) {
    }
}
