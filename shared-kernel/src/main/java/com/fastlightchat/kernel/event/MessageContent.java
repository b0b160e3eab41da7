package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.privacy.PersonalData;

import java.util.List;

/**
 * What a message says: its text and attachment metadata. The text and the file names are personal data of the
 * chat's end user (whoever wrote them), sealed with that user's key; the storage key, content type and size are not.
 */
public record MessageContent(@PersonalData String text, List<Attachment> attachments) {
    public MessageContent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static MessageContent text(String text) {
        return new MessageContent(text, List.of());
    }

    /** Metadata of an uploaded file; the bytes live in object storage under {@code key}. */
    public record Attachment(String key, @PersonalData String fileName, String contentType, long size) {
    }
}
