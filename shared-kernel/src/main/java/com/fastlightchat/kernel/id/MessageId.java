package com.fastlightchat.kernel.id;

/** Generated ids start with {@code msg_}; see {@link Ids#random}. */
public record MessageId(String value) implements TypedId {
    public MessageId {
        Ids.require(value, "messageId");
    }
}
