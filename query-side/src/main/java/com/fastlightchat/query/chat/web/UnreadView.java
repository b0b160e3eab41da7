package com.fastlightchat.query.chat.web;

import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import com.fastlightchat.query.chat.ChatSummary;
import com.fastlightchat.query.chat.Chats;
import com.fastlightchat.query.platform.ReadYourWrites;
import com.fastlightchat.web.Rejection;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One side's unread badge of a chat, as of the chat's event {@code lastSequence}: the count, and the state it is
 * folded from ({@link UnreadMessages}) so that a client — the realtime edge seeding its hot copy — can continue it
 * with later events.
 *
 * @param count    the badge
 * @param readUpTo the reader's read mark (a chat sequence)
 * @param messages the unread messages, ascending
 */
public record UnreadView(String chatId, String reader, long lastSequence, int count, long readUpTo,
                         List<UnreadMessages.Unread> messages) {

    /**
     * The badge of {@code reader} for a chat {@code visible} to the caller (otherwise 404, as for a missing chat),
     * after waiting (bounded) for the read model to apply {@code awaitSequence}; a stale answer carries
     * {@code X-Read-Model-Stale: true}.
     */
    static ResponseEntity<UnreadView> of(Chats chats, String chatId, Predicate<ChatSummary> visible, Reader reader,
                                         long awaitSequence, long awaitMillis) {
        chats.find(chatId).filter(visible).orElseThrow(() -> Rejection.notFound("chat"));
        boolean fresh = ReadYourWrites.await(() -> chats.lastSequence(chatId), awaitSequence,
                Duration.ofMillis(awaitMillis));
        ChatSummary chat = chats.find(chatId).filter(visible).orElseThrow(() -> Rejection.notFound("chat"));
        UnreadMessages unread = chat.unread(reader);
        return ResponseEntity.ok().header(ReadYourWrites.STALE_HEADER, String.valueOf(!fresh))
                .body(new UnreadView(chat.chatId(), reader.name().toLowerCase(Locale.ROOT),
                        chat.lastSequence(), unread.count(), unread.readUpTo(), unread.messages()));
    }
}
