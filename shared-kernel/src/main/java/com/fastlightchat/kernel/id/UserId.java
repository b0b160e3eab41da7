package com.fastlightchat.kernel.id;

/** Generated ids start with {@code usr_}; see {@link Ids#random}. */
public record UserId(String value) implements TypedId {
    public UserId {
        Ids.require(value, "userId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
