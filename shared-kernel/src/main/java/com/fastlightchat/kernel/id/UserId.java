package com.fastlightchat.kernel.id;

/** Generated ids start with {@code usr_}; see {@link Ids#random}. */
public record UserId(String value) implements TypedId {
    public UserId {
        Ids.require(value, "userId");
    }
}
