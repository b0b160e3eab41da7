package com.fastlightchat.command.environment.web;

import com.fastlightchat.kernel.auth.ApiSecrets;
import com.fastlightchat.command.environment.AllowedOrigins;
import com.fastlightchat.command.environment.CreateEnvironment;
import com.fastlightchat.command.environment.Environment;
import com.fastlightchat.command.environment.EnvironmentSecrets;
import com.fastlightchat.command.environment.Requester;
import com.fastlightchat.command.environment.RotateApiKey;
import com.fastlightchat.command.environment.RotateMemberSecret;
import com.fastlightchat.command.environment.RotatePluginKey;
import com.fastlightchat.command.environment.SetAllowedOrigins;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Environments, for dashboard agents ({@code Authorization: Bearer}): admins create them and set their allowed
 * origins, owners rotate their keys.
 * Every clear secret in an answer is shown this once; the server keeps API secrets hashed and member secrets
 * encrypted. Another organization's environment answers 404.
 */
@RestController
public class EnvironmentController {

    public record CreateEnvironmentRequest(@NotBlank @Size(max = Environment.MAX_NAME_LENGTH) String name) {
    }

    public record EnvironmentCreatedResponse(String environmentId, String name, String pluginKey, String apiKey,
                                             String apiSecret, String memberSecret,
                                             String memberSecretFingerprint) {
    }

    public record ApiKeyRotatedResponse(String environmentId, String apiKey, String apiSecret) {
    }

    public record PluginKeyRotatedResponse(String environmentId, String pluginKey) {
    }

    public record SetAllowedOriginsRequest(@NotNull @Size(max = AllowedOrigins.MAX_ORIGINS) List<String> allowedOrigins) {
    }

    public record AllowedOriginsResponse(String environmentId, List<String> allowedOrigins) {
    }

    public record MemberSecretIssuedResponse(String environmentId, String memberSecret, String fingerprint) {
    }

    private final CommandGateway commands;

    public EnvironmentController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/v1/environments")
    @ResponseStatus(HttpStatus.CREATED)
    public EnvironmentCreatedResponse create(AgentIdentity caller, @Valid @RequestBody CreateEnvironmentRequest request) {
        var environmentId = new EnvironmentId(Ids.random("env"));
        String pluginKey = EnvironmentSecrets.newPluginKey();
        String apiKey = EnvironmentSecrets.newApiKey();
        String apiSecret = EnvironmentSecrets.newApiSecret();
        String memberSecret = EnvironmentSecrets.newMemberSecret();
        commands.sendAndWait(new CreateEnvironment(environmentId, organization(caller), request.name(), pluginKey,
                apiKey, ApiSecrets.hash(apiSecret), memberSecret, requester(caller)));
        return new EnvironmentCreatedResponse(environmentId.value(), request.name().strip(), pluginKey, apiKey,
                apiSecret, memberSecret, EnvironmentSecrets.fingerprint(memberSecret));
    }

    @PostMapping("/v1/environments/{environmentId}/api-key/rotation")
    public ApiKeyRotatedResponse rotateApiKey(AgentIdentity caller, @PathVariable String environmentId) {
        var id = new EnvironmentId(environmentId);
        String apiKey = EnvironmentSecrets.newApiKey();
        String apiSecret = EnvironmentSecrets.newApiSecret();
        commands.sendAndWait(new RotateApiKey(id, organization(caller), apiKey, ApiSecrets.hash(apiSecret),
                requester(caller)));
        return new ApiKeyRotatedResponse(id.value(), apiKey, apiSecret);
    }

    @PostMapping("/v1/environments/{environmentId}/plugin-key/rotation")
    public PluginKeyRotatedResponse rotatePluginKey(AgentIdentity caller, @PathVariable String environmentId) {
        var id = new EnvironmentId(environmentId);
        String pluginKey = EnvironmentSecrets.newPluginKey();
        commands.sendAndWait(new RotatePluginKey(id, organization(caller), pluginKey, requester(caller)));
        return new PluginKeyRotatedResponse(id.value(), pluginKey);
    }

    @PostMapping("/v1/environments/{environmentId}/member-secret/rotation")
    public MemberSecretIssuedResponse rotateMemberSecret(AgentIdentity caller, @PathVariable String environmentId) {
        var id = new EnvironmentId(environmentId);
        String memberSecret = EnvironmentSecrets.newMemberSecret();
        commands.sendAndWait(new RotateMemberSecret(id, organization(caller), memberSecret, requester(caller)));
        return new MemberSecretIssuedResponse(id.value(), memberSecret, EnvironmentSecrets.fingerprint(memberSecret));
    }

    /**
     * The web origins whose pages may use the environment's plugin key (SDK calls and {@code /sdk} sockets), as
     * browsers send them ({@code https://www.example.com}); an empty list allows any site. Owners and admins.
     */
    @PutMapping("/v1/environments/{environmentId}/allowed-origins")
    public AllowedOriginsResponse setAllowedOrigins(AgentIdentity caller, @PathVariable String environmentId,
                                                    @Valid @RequestBody SetAllowedOriginsRequest request) {
        var id = new EnvironmentId(environmentId);
        List<String> origins = AllowedOrigins.normalize(request.allowedOrigins());
        commands.sendAndWait(new SetAllowedOrigins(id, organization(caller), origins, requester(caller)));
        return new AllowedOriginsResponse(id.value(), origins);
    }

    private static OrganizationId organization(AgentIdentity caller) {
        return new OrganizationId(caller.organizationId());
    }

    private static Requester requester(AgentIdentity caller) {
        Role role = caller.isOwner() ? Role.OWNER : caller.isAdmin() ? Role.ADMIN : Role.AGENT;
        return new Requester(new AgentId(caller.agentId()), role);
    }
}
