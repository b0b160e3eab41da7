package com.fastlightchat.edge.stream;

import com.fastlightchat.kernel.event.UserEvent.UserErased;

/** Receives each end user's erasure, on the erasure stream's thread; must not block for long. */
@FunctionalInterface
public interface ErasureHandler {

    void erased(UserErased event);
}
