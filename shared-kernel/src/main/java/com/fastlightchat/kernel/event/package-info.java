/**
 * The events: one sealed hierarchy per aggregate, records of past-tense business facts.
 * Each type carries a stable name and version ({@link com.fastlightchat.kernel.event.EventType});
 * a shape change adds a version. Personal data sits in dedicated nested records
 * ({@link com.fastlightchat.kernel.event.MessageContent}, {@link com.fastlightchat.kernel.event.PersonProfile})
 * so that it can be encrypted per user without reshaping the events around it.
 */
package com.fastlightchat.kernel.event;
