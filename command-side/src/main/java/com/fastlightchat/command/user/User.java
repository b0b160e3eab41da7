package com.fastlightchat.command.user;

import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class User {

    @AggregateIdentifier
    private UserId id;

    protected User() {
    }

    @CommandHandler
    public User(BootUser command) {
        apply(new UserBooted(command.organizationId(), command.userId(), command.environmentId(), command.veilId()));
    }

    @EventSourcingHandler
    void on(UserBooted event) {
        id = event.userId();
    }
}
