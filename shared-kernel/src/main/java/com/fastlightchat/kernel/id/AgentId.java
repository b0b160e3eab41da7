package com.fastlightchat.kernel.id;

/** Generated ids start with {@code ag_}; see {@link Ids#random}. */
public record AgentId(String value) implements TypedId {
    public AgentId {
        Ids.require(value, "agentId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
