package com.fastlightchat.kernel.event;

import java.util.List;

/** What a message says: its text and attachment metadata. Personal data, encrypted per user in #9. */
public record MessageContent(String text, List<Attachment> attachments) {
    public MessageContent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static MessageContent text(String text) {
        return new MessageContent(text, List.of());
    }

    /** Metadata of an uploaded file; the bytes live in object storage under {@code key}. */
    public record Attachment(String key, String fileName, String contentType, long size) {
    }
}
