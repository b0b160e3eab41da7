package com.fastlightchat.edge.unread;

import com.fastlightchat.kernel.event.UnreadMessages.Reader;

import java.util.Optional;

/** Where a missing unread state is read from: the query side's inbox row, with one caller's credentials. */
@FunctionalInterface
public interface UnreadSource {

    UnreadSource NONE = (chatId, reader, awaitSequence) -> Optional.empty();

    /**
     * The state of {@code reader}, at least as of {@code awaitSequence} if the source gets there in time (bounded
     * wait); empty when it cannot answer or the caller may not see the chat. Blocks.
     */
    Optional<UnreadState> read(String chatId, Reader reader, long awaitSequence);
}
