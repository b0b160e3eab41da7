package com.fastlightchat.edge.socket;

import com.fastlightchat.edge.delivery.CatchUp;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.unread.QuerySideUnread;
import com.fastlightchat.edge.unread.UnreadSource;
import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.edge.delivery.Subscriber;
import com.fastlightchat.kernel.event.Actor;

/** An authenticated socket of either namespace, as the chat requests need it. Kept in the client's store. */
public interface ChatCaller {

    /** The answer to "may this caller follow this chat?". */
    enum Admission {
        ALLOWED("ok"),
        /** Unknown chat, or one the caller may not see: indistinguishable on purpose. */
        NOT_FOUND("not-found"),
        /** No answer now (query side down); the client may try again. */
        UNAVAILABLE("unavailable"),
        /** The caller's token expired: reconnect with a new one. */
        UNAUTHENTICATED("unauthenticated");

        private final String error;

        Admission(String error) {
            this.error = error;
        }

        /** The {@code error} of a failed ack. */
        public String error() {
            return error;
        }
    }

    Subscriber subscriber();

    /** Who the caller is, as typing indicators name them. */
    Actor actor();

    /** Decides whether the caller may follow a chat. May block (HTTP, Redis). */
    Admission admit(String chatId);

    /** Where to read what the recent-events window cannot answer. */
    CatchUp.Fallback fallback();

    /** Whose unread badges the caller sees: the end user's own, or the agents'. */
    default UnreadMessages.Reader reader() {
        return subscriber().audience() == ClientEvents.Audience.USER ? UnreadMessages.Reader.USER
                : UnreadMessages.Reader.AGENTS;
    }

    /** Reads the caller's badges from the query side with the caller's own credentials. */
    UnreadSource unreadSource(QuerySideUnread querySide);
}
