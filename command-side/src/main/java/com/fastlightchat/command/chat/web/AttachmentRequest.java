package com.fastlightchat.command.chat.web;

import com.fastlightchat.kernel.event.MessageContent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Metadata of an uploaded file attached to a message. Content types are allowlisted: images, audio, video, PDF,
 * plain text and CSV, JSON, ZIP and office documents; files are at most 100 MB.
 *
 * @param key where the upload lives in object storage
 */
public record AttachmentRequest(
        @NotBlank @Size(max = 512) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]*") String key,
        @NotBlank @Size(max = 255) String fileName,
        @NotBlank @Pattern(regexp = CONTENT_TYPES, message = "is not an accepted content type") String contentType,
        @Positive @Max(MAX_SIZE) long size) {

    public static final long MAX_SIZE = 100L * 1024 * 1024;
    public static final String CONTENT_TYPES = "(image|audio|video)/[a-z0-9][a-z0-9.+-]{0,63}"
            + "|application/(pdf|json|zip|msword|rtf|vnd\\.openxmlformats-officedocument\\.[a-z.]{1,64}|vnd\\.ms-excel"
            + "|vnd\\.ms-powerpoint|vnd\\.oasis\\.opendocument\\.[a-z]{1,32})"
            + "|text/(plain|csv)";

    MessageContent.Attachment toAttachment() {
        return new MessageContent.Attachment(key, fileName, contentType, size);
    }
}
