package com.fastlightchat.kernel.privacy;

/**
 * Something whose {@link PersonalData} belongs to one person, the data subject: an end user's events, a chat's
 * snapshot. Its personal fields, also those of nested records, are sealed with that subject's key.
 */
public interface DataSubject {

    /** The id of the person the personal data is about (an end user's id); also the id of the key that seals it. */
    String dataSubjectId();
}
