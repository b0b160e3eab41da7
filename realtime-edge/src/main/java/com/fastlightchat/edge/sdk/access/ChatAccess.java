package com.fastlightchat.edge.sdk.access;

import com.fastlightchat.edge.sdk.SdkSession;
import com.fastlightchat.kernel.id.ChatId;

/** Decides whether the end user of a session may see a chat. Implementations block; call them off the event loop. */
public interface ChatAccess {

    enum Verdict {
        /** The chat exists and is the user's, in the session's environment. */
        ALLOWED,
        /** Unknown chat, someone else's chat, or credentials the query side rejects: indistinguishable on purpose. */
        DENIED,
        /** No answer (timeout, query side down); the client may try again. */
        UNAVAILABLE
    }

    Verdict check(SdkSession session, ChatId chatId);
}
