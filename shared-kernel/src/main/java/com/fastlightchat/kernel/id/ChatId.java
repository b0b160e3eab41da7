package com.fastlightchat.kernel.id;

/** Generated ids start with {@code ch_}; see {@link Ids#random}. */
public record ChatId(String value) implements TypedId {
    public ChatId {
        Ids.require(value, "chatId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
