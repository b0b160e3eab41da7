package com.fastlightchat.kernel.id;

/** Generated ids start with {@code env_}; see {@link Ids#random}. */
public record EnvironmentId(String value) implements TypedId {
    public EnvironmentId {
        Ids.require(value, "environmentId");
    }
}
