package com.fastlightchat.kernel.id;

/** Generated ids start with {@code org_}; see {@link Ids#random}. */
public record OrganizationId(String value) implements TypedId {
    public OrganizationId {
        Ids.require(value, "organizationId");
    }

    /** The plain value: Axon and logs use {@code toString()} as the identifier. */
    @Override
    public String toString() {
        return value;
    }
}
