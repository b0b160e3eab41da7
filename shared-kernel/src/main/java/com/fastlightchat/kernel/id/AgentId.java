package com.fastlightchat.kernel.id;

/** Generated ids start with {@code ag_}; see {@link Ids#random}. */
public record AgentId(String value) implements TypedId {
    public AgentId {
        Ids.require(value, "agentId");
    }
}
