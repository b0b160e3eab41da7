package com.fastlightchat.kernel.event;

/** Personal data about a person (agent or end user); every field may be absent. Encrypted per person in #9. */
public record PersonProfile(String name, String email, String phone) {
    public static final PersonProfile EMPTY = new PersonProfile(null, null, null);
}
