package com.fastlightchat.command.privacy;

import com.fastlightchat.kernel.id.UserId;

/** Whether an end user's personal data was erased, for aggregates that must then accept nothing new of theirs. */
public interface ErasedUsers {

    boolean isErased(UserId userId);
}
