package com.fastlightchat.command.chat.web;

import com.fastlightchat.command.chat.Chat;
import com.fastlightchat.command.chat.PostMessage;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;

/**
 * A message to post. The text is at most {@value Chat#MAX_TEXT_LENGTH} characters and may be empty only when there
 * are attachments (at most 10). Only agents may post {@code visibility: internal} notes.
 *
 * @param clientMessageId the client's id for this send; a retry with the same id never makes a second message
 */
public record MessageRequest(@NotBlank String clientMessageId, String text,
                             @Size(max = 10) List<@Valid AttachmentRequest> attachments,
                             @Pattern(regexp = "public|internal") String visibility) {

    PostMessage toCommand(ChatId chatId, OrganizationId organizationId, Actor author) {
        Visibility chosen = visibility == null ? Visibility.PUBLIC : Visibility.valueOf(visibility.toUpperCase(Locale.ROOT));
        return new PostMessage(chatId, organizationId, new MessageId(Ids.random("msg")),
                new ClientMessageId(clientMessageId), author, chosen, content(text, attachments));
    }

    static MessageContent content(String text, List<AttachmentRequest> attachments) {
        return new MessageContent(text == null ? "" : text, attachments == null ? List.of()
                : attachments.stream().map(AttachmentRequest::toAttachment).toList());
    }
}
