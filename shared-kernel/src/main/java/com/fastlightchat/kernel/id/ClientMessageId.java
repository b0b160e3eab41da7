package com.fastlightchat.kernel.id;

/** Generated ids start with {@code cm_}; see {@link Ids#random}. */
public record ClientMessageId(String value) implements TypedId {
    public ClientMessageId {
        Ids.require(value, "clientMessageId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
