package com.fastlightchat.command.chat;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Wakes snoozed chats whose deadline has passed by sending {@link WakeChat} for each due row of
 * {@link ChatWakeUps}. Safe to run on several instances at once and to repeat: waking is idempotent in the
 * aggregate, and a row is removed only once its wake-up was handled. A wake-up that fails stays and is retried at
 * the next poll.
 */
public class ChatWakeUpScheduler {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ChatWakeUpScheduler.class);

    private final ChatWakeUps wakeUps;
    private final CommandGateway commands;
    private final Clock clock;

    public ChatWakeUpScheduler(ChatWakeUps wakeUps, CommandGateway commands, Clock clock) {
        this.wakeUps = wakeUps;
        this.commands = commands;
        this.clock = clock;
    }

    /** Handles the wake-ups due now; returns how many were handled. */
    public int wakeDueChats() {
        int handled = 0;
        for (ChatWakeUps.WakeUp wakeUp : wakeUps.due(clock.instant(), BATCH)) {
            try {
                commands.sendAndWait(new WakeChat(wakeUp.chatId(), wakeUp.wakeAt()));
                wakeUps.done(wakeUp);
                handled++;
            } catch (AggregateNotFoundException e) {
                wakeUps.done(wakeUp);
            } catch (RuntimeException e) {
                log.warn("waking chat {} failed; retrying at the next poll", wakeUp.chatId(), e);
            }
        }
        return handled;
    }
}
