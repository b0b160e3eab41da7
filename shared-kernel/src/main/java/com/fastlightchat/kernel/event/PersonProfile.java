package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.privacy.PersonalData;

/**
 * Personal data about a person (agent or end user); every field may be absent. Sealed with the end user's key in
 * end-user events; an agent's profile (staff, in agent events) is not sealed.
 */
public record PersonProfile(@PersonalData String name, @PersonalData String email, @PersonalData String phone) {
    public static final PersonProfile EMPTY = new PersonProfile(null, null, null);
}
