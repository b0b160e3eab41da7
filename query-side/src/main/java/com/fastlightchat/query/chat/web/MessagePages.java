package com.fastlightchat.query.chat.web;

import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.chat.Messages;
import com.fastlightchat.query.chat.Messages.MessageView;
import com.fastlightchat.query.platform.ReadYourWrites;
import com.fastlightchat.web.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Pages of a chat's messages, the same for end users and agents: validation of the paging parameters,
 * read-your-writes, the access check and the read. Only {@code includeInternal} differs between them.
 */
@Component
public class MessagePages {

    public static final int MAX_PAGE = 200;

    /**
     * @param lastSequence the chat sequence up to which this answer is complete: every message of the chat at or
     *                     below it that the caller may see is in the page (or beyond its limit). It is the lower
     *                     of what the chat and its messages have applied — they are projected apart — so a reader
     *                     filling a gap never takes a message not projected yet for one that does not exist.
     */
    public record MessagePage(String chatId, List<MessageView> messages, long lastSequence) {
    }

    /**
     * What a caller asked for.
     *
     * @param after         messages after this sequence, oldest first (catch-up, paging forwards); null for 0
     * @param before        messages before this sequence, newest page first but in ascending order; null if unused
     * @param awaitSequence first wait (bounded by {@code awaitMillis}) until the chat's event of this sequence is applied
     */
    public record PageRequest(Long after, Long before, int limit, long awaitSequence, long awaitMillis) {
    }

    private final Chats chats;
    private final Messages messages;

    public MessagePages(Chats chats, Messages messages) {
        this.chats = chats;
        this.messages = messages;
    }

    /**
     * One page of {@code chatId}'s messages for a caller who may see the chat when {@code visible} holds (otherwise
     * 404, exactly as for a missing chat). If the read model has not applied {@code awaitSequence} in time, the
     * answer carries {@code X-Read-Model-Stale: true}.
     */
    public ResponseEntity<MessagePage> page(String chatId, PageRequest request, Predicate<ChatSummary> visible,
                                            boolean includeInternal) {
        if (request.after() != null && request.after() < 0) {
            throw Rejection.invalid("after", "must be 0 or more");
        }
        if (request.before() != null && request.before() < 1) {
            throw Rejection.invalid("before", "must be 1 or more");
        }
        if (request.after() != null && request.before() != null) {
            throw Rejection.invalid("before", "give either after or before, not both");
        }
        if (request.limit() < 1 || request.limit() > MAX_PAGE) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (request.awaitMillis() < 0) {
            throw Rejection.invalid("awaitMillis", "must be 0 or more");
        }
        // two consumer groups: the page is fresh once both the chat and its messages have applied the sequence
        boolean fresh = ReadYourWrites.await(
                () -> Math.min(chats.lastSequence(chatId), messages.position(chatId)), request.awaitSequence(),
                Duration.ofMillis(request.awaitMillis()));
        ChatSummary chat = chats.find(chatId).filter(visible).orElseThrow(() -> Rejection.notFound("chat"));
        // read before the page: the page then holds at least everything up to it
        long complete = Math.min(chat.lastSequence(), messages.position(chatId));
        List<MessageView> page = request.before() != null
                ? messages.before(chatId, request.before(), request.limit(), includeInternal)
                : messages.after(chatId, request.after() == null ? 0 : request.after(), request.limit(), includeInternal);
        return ResponseEntity.ok()
                .header(ReadYourWrites.STALE_HEADER, String.valueOf(!fresh))
                .body(new MessagePage(chatId, page, complete));
    }
}
