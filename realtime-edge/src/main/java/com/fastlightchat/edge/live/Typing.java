package com.fastlightchat.edge.live;

import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.kernel.event.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typing indicators, both ways: an end user's reach the agents of the organization and the chat's other end-user
 * sockets; an agent's reach the chat's end users and the other agents. Each instance keeps its own expiry of the
 * indicators it has heard: one not refreshed within {@code timeout} ends with {@code typing: false}.
 */
public final class Typing {

    private record Key(String chatId, String actorKind, String actorId) {
    }

    private record Active(String organizationId, Instant expiresAt) {
    }

    private final LiveSignals signals;
    private final LiveRooms rooms;
    private final Duration timeout;
    private final Clock clock;
    private final Map<Key, Active> active = new ConcurrentHashMap<>();

    public Typing(LiveSignals signals, LiveRooms rooms, Duration timeout, Clock clock) {
        this.signals = signals;
        this.rooms = rooms;
        this.timeout = timeout;
        this.clock = clock;
        signals.subscribe(this::onSignal);
    }

    /** A socket says its user or agent started or stopped typing in a chat of {@code organizationId}. */
    public void typed(String organizationId, String chatId, Actor actor, boolean typing, String socketId) {
        signals.publish(new Signal(signals.instanceId(), Signal.TYPING, organizationId, chatId,
                actor.kind().name().toLowerCase(Locale.ROOT), actor.id(), typing, null, socketId));
    }

    /** Ends the indicators not refreshed in time; called periodically. */
    public void expire() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<Key, Active>> it = active.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Active> entry = it.next();
            if (!entry.getValue().expiresAt().isAfter(now)) {
                it.remove();
                Key key = entry.getKey();
                emit(entry.getValue().organizationId(), key, false, null);
            }
        }
    }

    private void onSignal(Signal signal) {
        if (!Signal.TYPING.equals(signal.kind())) {
            return;
        }
        Key key = new Key(signal.chatId(), signal.actorKind(), signal.actorId());
        if (signal.typing()) {
            active.put(key, new Active(signal.organizationId(), clock.instant().plus(timeout)));
        } else if (active.remove(key) == null) {
            return;
        }
        emit(signal.organizationId(), key, signal.typing(), signal.socketId());
    }

    private void emit(String organizationId, Key key, boolean typing, String excludedSocketId) {
        Actor actor = new Actor(Actor.Kind.valueOf(key.actorKind().toUpperCase(Locale.ROOT)), key.actorId());
        Map<String, Object> body = ClientEvents.typing(key.chatId(), actor, typing);
        rooms.toChat(key.chatId(), body, excludedSocketId);
        rooms.toOrganization(organizationId, body, excludedSocketId);
    }
}
