package com.fastlightchat.command.chat.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The small request bodies of the chat API. */
public final class ChatRequests {

    private ChatRequests() {
    }

    /** Opens a chat with an end user of the caller's organization. */
    public record OpenChatRequest(@NotBlank String userId) {
    }

    /** Replaces the whole content of a message: its text and its attachments. */
    public record EditMessageRequest(String text, @Size(max = 10) List<@Valid AttachmentRequest> attachments) {
    }

    /** The reader has seen the chat up to and including sequence {@code upTo}. */
    public record ReadRequest(@NotNull @Positive Long upTo) {
    }

    /** An agent, a team or both; assigning another agent than oneself takes an owner or admin. */
    public record AssignRequest(String agentId, String teamId) {
    }

    /** An ISO-8601 instant, in the future and at most 365 days ahead. */
    public record SnoozeRequest(@NotBlank String until) {
    }

    public record TagRequest(@NotBlank String tag) {
    }

    public record PriorityRequest(@NotNull @Pattern(regexp = "low|normal|high|urgent") String priority) {
    }

    public record ChatOpenedResponse(String chatId) {
    }
}
