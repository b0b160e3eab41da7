package com.fastlightchat.edge.socket;

import java.util.List;

/** Payloads of the chat requests both namespaces accept (see {@code PROTOCOL.md}). */
public final class ChatRequests {

    private ChatRequests() {
    }

    public static final String JOIN = "chat:join";
    public static final String RESUME = "chat:resume";
    public static final String FETCH = "chat:fetch";
    public static final String LEAVE = "chat:leave";
    public static final String TYPING = "typing";

    /** {@code chat:join} and each chat of {@code chat:resume}; no {@code lastSequence} means from the start. */
    public record Join(String chatId, Long lastSequence) {
    }

    public record Resume(List<Join> chats) {
    }

    /** {@code chat:fetch}: the events of {@code (after, until]}; without {@code until}, a resume from {@code after}. */
    public record Fetch(String chatId, Long after, Long until) {
    }

    public record Leave(String chatId) {
    }

    public record Typing(String chatId, Boolean typing) {
    }
}
