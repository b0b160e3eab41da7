package com.fastlightchat.kernel.id;

/** A team of agents within one organization. Generated ids start with {@code team_}; see {@link Ids#random}. */
public record TeamId(String value) implements TypedId {
    public TeamId {
        Ids.require(value, "teamId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
