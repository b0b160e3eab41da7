package com.fastlightchat.edge.unread;

import com.fastlightchat.kernel.event.UnreadMessages;

import java.util.Objects;

/**
 * One reader's unread state of a chat as of the chat's event {@code sequence}.
 *
 * @param sequence the last chat sequence folded in (0: none)
 * @param unread   what the reader has not read
 */
public record UnreadState(long sequence, UnreadMessages unread) {

    public UnreadState {
        Objects.requireNonNull(unread, "unread");
    }
}
