package com.fastlightchat.command.environment;

import com.fastlightchat.command.platform.AggregateCaching;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.EnvironmentEvent.AllowedOriginsChanged;
import com.fastlightchat.kernel.event.EnvironmentEvent.ApiKeyRotated;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.MemberSecretIssued;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An environment of an organization. Admins create environments; only owners rotate their keys and secrets. An
 * agent of another organization is told the environment does not exist. The explicit bean name keeps Axon's
 * prototype bean from taking the name {@code environment}, which is Spring's own
 * {@link org.springframework.core.env.Environment}.
 */
@Aggregate(cache = AggregateCaching.CACHE)
@Component("environmentAggregate")
public class Environment {

    public static final int MAX_NAME_LENGTH = 100;

    @AggregateIdentifier
    private EnvironmentId id;
    private OrganizationId organizationId;
    private String pluginKey;
    private String apiKey;
    private String apiSecretHash;
    private String memberSecretFingerprint;
    private List<String> allowedOrigins = List.of();

    protected Environment() {
    }

    @CommandHandler
    public Environment(CreateEnvironment command, MemberSecretStore memberSecrets) {
        if (command.requester().role() != Role.OWNER && command.requester().role() != Role.ADMIN) {
            throw Rejection.forbidden("only owners and admins create environments");
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw Rejection.invalid("name", "must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        apply(new EnvironmentCreated(command.organizationId(), command.environmentId(), name,
                command.pluginKey(), command.apiKey(), command.apiSecretHash()));
        issueMemberSecret(command.organizationId(), command.environmentId(), command.memberSecret(),
                command.requester(), memberSecrets);
    }

    @CommandHandler
    void handle(RotateApiKey command) {
        requireOwner(command.organizationId(), command.requester());
        if (command.apiKey().equals(apiKey) && command.apiSecretHash().equals(apiSecretHash)) {
            return;
        }
        apply(new ApiKeyRotated(organizationId, id, command.apiKey(), command.apiSecretHash(), apiKey,
                command.requester().actor()));
    }

    @CommandHandler
    void handle(RotatePluginKey command) {
        requireOwner(command.organizationId(), command.requester());
        if (command.pluginKey().equals(pluginKey)) {
            return;
        }
        apply(new PluginKeyRotated(organizationId, id, command.pluginKey(), pluginKey, command.requester().actor()));
    }

    @CommandHandler
    void handle(RotateMemberSecret command, MemberSecretStore memberSecrets) {
        requireOwner(command.organizationId(), command.requester());
        if (EnvironmentSecrets.fingerprint(command.memberSecret()).equals(memberSecretFingerprint)) {
            return;
        }
        issueMemberSecret(organizationId, id, command.memberSecret(), command.requester(), memberSecrets);
    }

    /** Owners and admins set the allowed origins; the same set again changes nothing. */
    @CommandHandler
    void handle(SetAllowedOrigins command) {
        requireSameOrganization(command.organizationId());
        if (command.requester().role() != Role.OWNER && command.requester().role() != Role.ADMIN) {
            throw Rejection.forbidden("only owners and admins set an environment's allowed origins");
        }
        List<String> origins = AllowedOrigins.normalize(command.allowedOrigins());
        if (origins.equals(allowedOrigins)) {
            return;
        }
        apply(new AllowedOriginsChanged(organizationId, id, origins, command.requester().actor()));
    }

    /**
     * The clear secret goes to the store, in this command's transaction; the event carries its fingerprint only.
     * Ids are passed in because, in the creating constructor, applied events reach the fields only afterwards.
     */
    private static void issueMemberSecret(OrganizationId organizationId, EnvironmentId environmentId,
                                          String memberSecret, Requester requester, MemberSecretStore memberSecrets) {
        apply(new MemberSecretIssued(organizationId, environmentId, EnvironmentSecrets.fingerprint(memberSecret),
                requester.actor()));
        memberSecrets.store(organizationId, environmentId, memberSecret);
    }

    private void requireOwner(OrganizationId callerOrganization, Requester requester) {
        requireSameOrganization(callerOrganization);
        if (requester.role() != Role.OWNER) {
            throw Rejection.forbidden("only owners rotate an environment's keys and secrets");
        }
    }

    /** Another organization's environment does not exist for the caller. */
    private void requireSameOrganization(OrganizationId callerOrganization) {
        if (!organizationId.equals(callerOrganization)) {
            throw Rejection.notFound("environment");
        }
    }

    @EventSourcingHandler
    void on(EnvironmentCreated event) {
        id = event.environmentId();
        organizationId = event.organizationId();
        pluginKey = event.pluginKey();
        apiKey = event.apiKey();
        apiSecretHash = event.apiSecretHash();
    }

    @EventSourcingHandler
    void on(MemberSecretIssued event) {
        memberSecretFingerprint = event.fingerprint();
    }

    @EventSourcingHandler
    void on(ApiKeyRotated event) {
        apiKey = event.apiKey();
        apiSecretHash = event.apiSecretHash();
    }

    @EventSourcingHandler
    void on(PluginKeyRotated event) {
        pluginKey = event.pluginKey();
    }

    @EventSourcingHandler
    void on(AllowedOriginsChanged event) {
        allowedOrigins = event.allowedOrigins();
    }
}
