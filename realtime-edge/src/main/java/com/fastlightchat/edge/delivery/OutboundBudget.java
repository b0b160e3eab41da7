package com.fastlightchat.edge.delivery;

/**
 * The per-socket outbound buffer policy. While a socket's transport drains (writable), everything is sent. While
 * it is backlogged, at most {@code maxWhileBacklogged} more events are queued on it; the next one is refused, and
 * the caller stops the chat's live events and tells the client to resynchronize. So a socket holds at most the
 * transport's own buffer plus that many events, and a client that stops reading never holds up the stream or
 * other clients. Not thread-safe: used under its socket's lock.
 */
public final class OutboundBudget {

    private final int maxWhileBacklogged;
    private int queuedWhileBacklogged;

    public OutboundBudget(int maxWhileBacklogged) {
        if (maxWhileBacklogged < 0) {
            throw new IllegalArgumentException("maxWhileBacklogged must be 0 or more");
        }
        this.maxWhileBacklogged = maxWhileBacklogged;
    }

    /** Whether one more event may be queued on a socket that is {@code backlogged} or not. */
    public boolean admit(boolean backlogged) {
        if (!backlogged) {
            queuedWhileBacklogged = 0;
            return true;
        }
        if (queuedWhileBacklogged >= maxWhileBacklogged) {
            return false;
        }
        queuedWhileBacklogged++;
        return true;
    }
}
