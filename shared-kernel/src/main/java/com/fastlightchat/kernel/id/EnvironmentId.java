package com.fastlightchat.kernel.id;

/** Generated ids start with {@code env_}; see {@link Ids#random}. */
public record EnvironmentId(String value) implements TypedId {
    public EnvironmentId {
        Ids.require(value, "environmentId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
