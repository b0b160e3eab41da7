package com.fastlightchat.query.chat.web;

import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Chats.ChatSummary;
import com.fastlightchat.query.chat.Messages;
import com.fastlightchat.query.chat.Messages.MessageView;
import com.fastlightchat.web.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An end user's own chats, for the SDK ({@code X-Plugin-Key} + {@code X-User-Token}). A chat of another user,
 * environment or organization is answered exactly like a missing one.
 */
@RestController
public class SdkChatQueries {

    public static final int MAX_PAGE = 200;

    public record MessagePage(String chatId, List<MessageView> messages, long lastSequence) {
    }

    private final Chats chats;
    private final Messages messages;

    public SdkChatQueries(Chats chats, Messages messages) {
        this.chats = chats;
        this.messages = messages;
    }

    @GetMapping("/v1/sdk/chats/{chatId}")
    public ChatSummary chat(SdkIdentity caller, @PathVariable String chatId) {
        return ownChat(caller, chatId);
    }

    /** Messages after {@code after} (a chat sequence; 0 for the start), oldest first: the catch-up query. */
    @GetMapping("/v1/sdk/chats/{chatId}/messages")
    public MessagePage messages(SdkIdentity caller, @PathVariable String chatId,
                                @RequestParam(defaultValue = "0") long after,
                                @RequestParam(defaultValue = "50") int limit) {
        if (after < 0) {
            throw Rejection.invalid("after", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        ChatSummary chat = ownChat(caller, chatId);
        return new MessagePage(chatId, messages.after(chatId, after, limit, false), chat.lastSequence());
    }

    private ChatSummary ownChat(SdkIdentity caller, String chatId) {
        return chats.find(chatId)
                .filter(chat -> caller.organizationId().equals(chat.organizationId())
                        && caller.environmentId().equals(chat.environmentId())
                        && caller.userId().equals(chat.userId()))
                .orElseThrow(() -> Rejection.notFound("chat"));
    }
}
