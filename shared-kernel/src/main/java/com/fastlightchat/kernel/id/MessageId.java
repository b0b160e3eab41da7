package com.fastlightchat.kernel.id;

/** Generated ids start with {@code msg_}; see {@link Ids#random}. */
public record MessageId(String value) implements TypedId {
    public MessageId {
        Ids.require(value, "messageId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
