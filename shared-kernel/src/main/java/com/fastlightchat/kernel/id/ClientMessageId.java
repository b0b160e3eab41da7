package com.fastlightchat.kernel.id;

/** Generated ids start with {@code cm_}; see {@link Ids#random}. */
public record ClientMessageId(String value) implements TypedId {
    public ClientMessageId {
        Ids.require(value, "clientMessageId");
    }
}
