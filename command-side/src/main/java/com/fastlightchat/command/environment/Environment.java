package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.stereotype.Component;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An environment of an organization. The explicit bean name keeps Axon's prototype bean from taking the name
 * {@code environment}, which is Spring's own {@link org.springframework.core.env.Environment}.
 */
@Aggregate
@Component("environmentAggregate")
public class Environment {

    @AggregateIdentifier
    private EnvironmentId id;
    private OrganizationId organizationId;

    protected Environment() {
    }

    @CommandHandler
    public Environment(CreateEnvironment command) {
        apply(new EnvironmentCreated(command.organizationId(), command.environmentId(), command.name(),
                command.pluginKey(), command.apiKey(), command.apiSecretHash()));
    }

    @EventSourcingHandler
    void on(EnvironmentCreated event) {
        id = event.environmentId();
        organizationId = event.organizationId();
    }
}
