package com.fastlightchat.kernel.id;

/** Generated ids start with {@code ch_}; see {@link Ids#random}. */
public record ChatId(String value) implements TypedId {
    public ChatId {
        Ids.require(value, "chatId");
    }
}
