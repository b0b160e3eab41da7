package com.fastlightchat.kernel.envelope;

/** A well-formed envelope whose type or version this build does not know (a newer producer). */
public final class UnknownEventTypeException extends MalformedEventException {
    public UnknownEventTypeException(String type, int version) {
        super("unknown event type " + type + " v" + version, null);
    }
}
