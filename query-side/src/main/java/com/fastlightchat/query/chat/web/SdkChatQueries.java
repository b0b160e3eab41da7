package com.fastlightchat.query.chat.web;

import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Chats.ChatSummary;
import com.fastlightchat.query.chat.Messages;
import com.fastlightchat.query.chat.Messages.MessageView;
import com.fastlightchat.query.platform.ReadYourWrites;
import com.fastlightchat.web.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
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

    /**
     * A page of messages, by chat sequence: {@code after=N} gives the ones after N, oldest first (catch-up, and
     * paging forwards); {@code before=N} gives the ones before N, newest page first but in ascending order (paging
     * backwards through history). {@code awaitSequence=S} first waits (bounded) until the read model has applied the
     * chat's event S — read-your-writes; if it has not, the answer carries {@code X-Read-Model-Stale: true}.
     */
    @GetMapping("/v1/sdk/chats/{chatId}/messages")
    public ResponseEntity<MessagePage> messages(SdkIdentity caller, @PathVariable String chatId,
                                                @RequestParam(required = false) Long after,
                                                @RequestParam(required = false) Long before,
                                                @RequestParam(defaultValue = "50") int limit,
                                                @RequestParam(defaultValue = "0") long awaitSequence,
                                                @RequestParam(defaultValue = "2000") long awaitMillis) {
        if (after != null && after < 0) {
            throw Rejection.invalid("after", "must be 0 or more");
        }
        if (before != null && before < 1) {
            throw Rejection.invalid("before", "must be 1 or more");
        }
        if (after != null && before != null) {
            throw Rejection.invalid("before", "give either after or before, not both");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (awaitMillis < 0) {
            throw Rejection.invalid("awaitMillis", "must be 0 or more");
        }
        boolean fresh = ReadYourWrites.await(
                () -> messages.position(chatId), awaitSequence,
                Duration.ofMillis(awaitMillis));
        ChatSummary chat = ownChat(caller, chatId);
        List<MessageView> page = before != null
                ? messages.before(chatId, before, limit, false)
                : messages.after(chatId, after == null ? 0 : after, limit, false);
        return ResponseEntity.ok()
                .header(ReadYourWrites.STALE_HEADER, String.valueOf(!fresh))
                .body(new MessagePage(chatId, page, chat.lastSequence()));
    }

    private ChatSummary ownChat(SdkIdentity caller, String chatId) {
        return chats.find(chatId)
                .filter(chat -> caller.organizationId().equals(chat.organizationId())
                        && caller.environmentId().equals(chat.environmentId())
                        && caller.userId().equals(chat.userId()))
                .orElseThrow(() -> Rejection.notFound("chat"));
    }
}
