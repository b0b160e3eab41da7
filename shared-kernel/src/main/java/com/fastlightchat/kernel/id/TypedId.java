package com.fastlightchat.kernel.id;

/** An identifier that is a validated string; the JSON codec writes it as that plain string. */
public interface TypedId {
    String value();
}
