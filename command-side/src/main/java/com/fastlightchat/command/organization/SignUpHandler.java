package com.fastlightchat.command.organization;

import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.command.agent.AddAgent;
import com.fastlightchat.command.agent.Agent;
import com.fastlightchat.command.agent.AgentLogins;
import com.fastlightchat.command.environment.CreateEnvironment;
import com.fastlightchat.command.environment.Environment;
import com.fastlightchat.command.environment.EnvironmentSecrets;
import com.fastlightchat.command.environment.MemberSecretStore;
import com.fastlightchat.command.environment.Requester;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/**
 * Handles {@link SignUp} by creating three aggregates in one unit of work: their events are stored in one
 * transaction, so a failure (e.g. a taken login) leaves nothing behind.
 */
@Component
public class SignUpHandler {

    private final Configuration axon;
    private final AgentLogins logins;
    private final MemberSecretStore memberSecrets;

    public SignUpHandler(Configuration axon, AgentLogins logins, MemberSecretStore memberSecrets) {
        this.axon = axon;
        this.logins = logins;
        this.memberSecrets = memberSecrets;
    }

    @CommandHandler
    public SignUp.Result handle(SignUp command) throws Exception {
        String login = Agent.normalizeLogin(command.ownerLogin());
        if (logins.isTaken(login)) {
            throw Rejection.conflict("ownerEmail", "an agent with this login already exists");
        }
        var organizationId = new OrganizationId(Ids.random("org"));
        var ownerId = new AgentId(Ids.random("ag"));
        var environmentId = new EnvironmentId(Ids.random("env"));
        String pluginKey = EnvironmentSecrets.newPluginKey();
        String apiKey = EnvironmentSecrets.newApiKey();
        String apiSecret = EnvironmentSecrets.newApiSecret();
        String memberSecret = EnvironmentSecrets.newMemberSecret();

        axon.repository(Organization.class).newInstance(() -> new Organization(
                new CreateOrganization(organizationId, command.organizationName(), ownerId)));
        axon.repository(Agent.class).newInstance(() -> new Agent(
                new AddAgent(ownerId, organizationId, login, Role.OWNER, command.ownerProfile(),
                        command.ownerPasswordHash())));
        axon.repository(Environment.class).newInstance(() -> new Environment(
                new CreateEnvironment(environmentId, organizationId, command.environmentName(), pluginKey, apiKey,
                        ApiSecrets.hash(apiSecret), memberSecret, new Requester(ownerId, Role.OWNER)),
                memberSecrets));
        return new SignUp.Result(organizationId.value(), ownerId.value(), environmentId.value(), pluginKey, apiKey,
                apiSecret, memberSecret);
    }
}
