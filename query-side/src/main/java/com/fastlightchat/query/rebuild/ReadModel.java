package com.fastlightchat.query.rebuild;

import java.util.List;

/** A rebuildable read model: its name, the topics it reads, its live projection and fresh storage for a rebuild. */
public interface ReadModel {

    /** e.g. {@code messages}, as used in the rebuild endpoint and command line. */
    String name();

    /** Kernel topic names (without the deployment prefix) it consumes. */
    List<String> topics();

    /** The projection over the live storage. */
    Projection live();

    /** New, empty storage of the same shape, named with {@code suffix}. */
    Fresh fresh(String suffix);

    /** Rebuild storage; {@link #drop()} removes it. */
    interface Fresh extends Projection {
        /** Where the rebuilt model lives (a database or schema name), for the report. */
        String location();

        void drop();
    }
}
