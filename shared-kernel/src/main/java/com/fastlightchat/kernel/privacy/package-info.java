/**
 * Personal data in events, encrypted per data subject (crypto-shredding): {@link
 * com.fastlightchat.kernel.privacy.PersonalData} marks the fields, {@link com.fastlightchat.kernel.privacy.DataSubject}
 * names whose they are, and {@link com.fastlightchat.kernel.privacy.PersonalDataCipher} seals them with the subject's
 * AES-256-GCM key wherever events are serialized (event store, snapshots, Kafka). Erasing a subject deletes its key:
 * every sealed value of it, wherever it was copied, then opens as {@link
 * com.fastlightchat.kernel.privacy.PersonalDataCipher#ERASED}.
 */
package com.fastlightchat.kernel.privacy;
