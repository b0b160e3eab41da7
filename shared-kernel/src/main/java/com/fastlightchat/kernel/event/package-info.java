/**
 * The events: one sealed hierarchy per aggregate, records of past-tense business facts.
 * Each type carries a stable name and version ({@link com.fastlightchat.kernel.event.EventType});
 * a shape change adds a version. Personal data of end users is marked
 * {@link com.fastlightchat.kernel.privacy.PersonalData} (message text and file names, profiles, custom attribute
 * values, member ids) and sealed with the user's key wherever events are stored or published, without changing their
 * JSON types; the records themselves always hold plain values.
 */
package com.fastlightchat.kernel.event;
