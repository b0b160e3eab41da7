package com.fastlightchat.query.chat.web;

import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.web.ChatView.LastMessageView;
import com.fastlightchat.query.chat.web.MessagePages.MessagePage;
import com.fastlightchat.query.chat.web.MessagePages.PageRequest;
import com.fastlightchat.web.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * An end user's own chats, for the SDK ({@code X-Plugin-Key} + {@code X-User-Token}). A chat of another user,
 * environment or organization is answered exactly like a missing one. Internal notes never reach end users.
 */
@RestController
public class SdkChatQueries {

    /**
     * What an end user sees of their chat: its state, who answers, their unread count and both read marks (read
     * receipts), the last public message. Internal facts (tags, priority, notes, teams) are left out.
     *
     * @param unreadCount    public agent and bot messages the user has not read
     * @param userReadUpTo   the user's own read mark (chat sequence)
     * @param agentsReadUpTo the highest read mark of any agent: the user's messages up to it were seen
     */
    public record SdkChat(String chatId, String organizationId, String environmentId, String userId,
                          long lastSequence, String state, String assigneeId, int unreadCount, long userReadUpTo,
                          long agentsReadUpTo, LastMessageView lastMessage, Instant openedAt,
                          Instant lastActivityAt) {

        static SdkChat of(ChatSummary chat) {
            ChatView view = ChatView.of(chat);
            return new SdkChat(view.chatId(), view.organizationId(), view.environmentId(), view.userId(),
                    view.lastSequence(), view.state(), view.assigneeId(), view.userUnreadCount(),
                    view.userReadUpTo(), view.agentsReadUpTo(), view.lastMessage(), view.openedAt(),
                    view.lastActivityAt());
        }
    }

    /** The user's chats, most recent activity first. */
    public record SdkChatList(List<SdkChat> chats) {
    }

    public static final int MAX_CHAT_LIST = 50;

    private final Chats chats;
    private final MessagePages pages;

    public SdkChatQueries(Chats chats, MessagePages pages) {
        this.chats = chats;
        this.pages = pages;
    }

    @GetMapping("/v1/sdk/chats/{chatId}")
    public SdkChat chat(SdkIdentity caller, @PathVariable String chatId) {
        return chats.find(chatId).filter(c -> owns(caller, c)).map(SdkChat::of)
                .orElseThrow(() -> Rejection.notFound("chat"));
    }

    /** The user's unread badge of their chat, with the state it is folded from; read-your-writes as for messages. */
    @GetMapping("/v1/sdk/chats/{chatId}/unread")
    public ResponseEntity<UnreadView> unread(SdkIdentity caller, @PathVariable String chatId,
                                             @RequestParam(defaultValue = "0") long awaitSequence,
                                             @RequestParam(defaultValue = "2000") long awaitMillis) {
        return UnreadView.of(chats, chatId, chat -> owns(caller, chat), Reader.USER, awaitSequence, awaitMillis);
    }

    /**
     * The caller's own chats in the plugin key's environment, most recent activity first: how the widget finds its
     * conversation again after a reload or on another device (members). {@code limit} 1..50 (default 20).
     */
    @GetMapping("/v1/sdk/chats")
    public SdkChatList chats(SdkIdentity caller, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_CHAT_LIST) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_CHAT_LIST);
        }
        return new SdkChatList(chats.ofUser(caller.organizationId(), caller.environmentId(), caller.userId(), limit)
                .stream().map(SdkChat::of).toList());
    }

    /**
     * A page of messages, by chat sequence: {@code after=N} gives the ones after N, oldest first (catch-up, and
     * paging forwards); {@code before=N} gives the ones before N, newest page first but in ascending order (paging
     * backwards through history). {@code awaitSequence=S} first waits (bounded) until the read model has applied the
     * chat's event S — read-your-writes; if it has not, the answer carries {@code X-Read-Model-Stale: true}. Deleted
     * messages keep their place, without text.
     */
    @GetMapping("/v1/sdk/chats/{chatId}/messages")
    public ResponseEntity<MessagePage> messages(SdkIdentity caller, @PathVariable String chatId,
                                                @RequestParam(required = false) Long after,
                                                @RequestParam(required = false) Long before,
                                                @RequestParam(defaultValue = "50") int limit,
                                                @RequestParam(defaultValue = "0") long awaitSequence,
                                                @RequestParam(defaultValue = "2000") long awaitMillis) {
        return pages.page(chatId, new PageRequest(after, before, limit, awaitSequence, awaitMillis),
                chat -> owns(caller, chat), false);
    }

    private static boolean owns(SdkIdentity caller, ChatSummary chat) {
        return caller.organizationId().equals(chat.organizationId())
                && caller.environmentId().equals(chat.environmentId())
                && caller.userId().equals(chat.userId());
    }
}
