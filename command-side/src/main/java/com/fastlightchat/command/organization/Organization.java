package com.fastlightchat.command.organization;

import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class Organization {

    public static final int MAX_NAME_LENGTH = 100;

    @AggregateIdentifier
    private OrganizationId id;

    protected Organization() {
    }

    @CommandHandler
    public Organization(CreateOrganization command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw Rejection.invalid("organizationName", "must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        apply(new OrganizationCreated(command.organizationId(), name, command.ownerAgentId()));
    }

    @EventSourcingHandler
    void on(OrganizationCreated event) {
        id = event.organizationId();
    }
}
