package com.fastlightchat.command.agent;

import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Locale;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class Agent {

    /** A pragmatic e-mail shape check; deliverability is proven by invitation, not by a regex. */
    static final Pattern LOGIN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

    @AggregateIdentifier
    private AgentId id;
    private OrganizationId organizationId;

    protected Agent() {
    }

    @CommandHandler
    public Agent(AddAgent command) {
        String login = normalizeLogin(command.login());
        if (command.role() == null) {
            throw Rejection.invalid("role", "must be one of owner, admin, agent");
        }
        apply(new AgentAdded(command.organizationId(), command.agentId(), login, command.role(), command.profile()));
        if (command.passwordHash() != null) {
            apply(new AgentPasswordSet(command.organizationId(), command.agentId(), command.passwordHash()));
        }
    }

    /** Logins are e-mail addresses, compared case-insensitively. */
    public static String normalizeLogin(String login) {
        String normalized = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(normalized).matches()) {
            throw Rejection.invalid("login", "must be an e-mail address");
        }
        return normalized;
    }

    @EventSourcingHandler
    void on(AgentAdded event) {
        id = event.agentId();
        organizationId = event.organizationId();
    }
}
