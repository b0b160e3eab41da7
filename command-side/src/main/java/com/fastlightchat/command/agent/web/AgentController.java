package com.fastlightchat.command.agent.web;

import com.fastlightchat.command.CommandSideProperties;
import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.command.agent.Agent;
import com.fastlightchat.command.agent.AgentInvitations;
import com.fastlightchat.command.agent.AgentLogins;
import com.fastlightchat.command.agent.ChangeAgentCapacity;
import com.fastlightchat.command.agent.ChangeAgentPresence;
import com.fastlightchat.command.agent.ChangeAgentRole;
import com.fastlightchat.command.agent.ChangeAgentTeams;
import com.fastlightchat.command.agent.DeactivateAgent;
import com.fastlightchat.command.agent.InviteAgent;
import com.fastlightchat.command.agent.SetAgentPassword;
import com.fastlightchat.command.agent.Teams;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.event.AgentEvent.Presence;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dashboard commands about agents ({@code Authorization: Bearer}). Administration ({@code /v1/agents/...}) needs an
 * owner or admin (role changes: an owner); {@code /v1/agents/me/...} is the caller's own account. An agent id of
 * another organization is a 404, a wrong role in the same organization a 403.
 */
@RestController
public class AgentController {

    private static final String ROLES = "(?i)owner|admin|agent";

    public record InviteAgentRequest(@NotBlank @Size(max = 320) String email, @Size(max = 100) String name,
                                     @NotBlank @Pattern(regexp = ROLES, message = "must be owner, admin or agent")
                                     String role) {
    }

    /** {@code invitationToken} is shown here once: hand it to the invitee, who redeems it to set a password. */
    public record AgentInvitedResponse(String agentId, String invitationToken, Instant invitationExpiresAt) {
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = 72) String currentPassword,
                                        @NotBlank @Size(min = 12, max = 72) String newPassword) {
    }

    public record ChangeRoleRequest(@NotBlank @Pattern(regexp = ROLES, message = "must be owner, admin or agent")
                                    String role) {
    }

    public record ChangePresenceRequest(@NotBlank @Pattern(regexp = "(?i)online|away|offline",
            message = "must be online, away or offline") String presence) {
    }

    public record ChangeCapacityRequest(@NotNull @Min(0) @Max(Agent.MAX_CAPACITY) Integer maxConcurrentChats) {
    }

    public record ChangeTeamsRequest(@NotNull @Size(max = Agent.MAX_TEAMS) List<String> teamIds) {
    }

    private final CommandGateway commands;
    private final AgentLogins logins;
    private final Teams teams;
    private final PasswordEncoder passwords;
    private final CommandSideProperties properties;
    private final Clock clock;
    private final LoginThrottle throttle;

    public AgentController(CommandGateway commands, AgentLogins logins, Teams teams, PasswordEncoder passwords,
                           CommandSideProperties properties, Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        this.commands = commands;
        this.logins = logins;
        this.teams = teams;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/v1/agents")
    @ResponseStatus(HttpStatus.CREATED)
    public AgentInvitedResponse invite(AgentIdentity caller, @Valid @RequestBody InviteAgentRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        by.requireAdmin();
        String login = Agent.normalizeLogin(request.email(), "email");
        if (logins.isTaken(login)) {
            throw Rejection.conflict("email", "an agent with this login already exists");
        }
        AgentId agentId = new AgentId(Ids.random("ag"));
        String token = AgentInvitations.newToken();
        Instant expiresAt = clock.instant().plus(properties.invitationTtl());
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        commands.sendAndWait(new InviteAgent(agentId, by, login, role(request.role()),
                new PersonProfile(name, login, null), AgentInvitations.hash(token), expiresAt));
        return new AgentInvitedResponse(agentId.value(), token, expiresAt);
    }

    /**
     * Wrong current passwords count as failed logins of the agent's login ({@link LoginThrottle}), so a stolen access
     * token does not allow guessing the password either. Refresh tokens issued before the change stop working.
     */
    @PutMapping("/v1/agents/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(AgentIdentity caller, @Valid @RequestBody ChangePasswordRequest request,
                               HttpServletRequest http) {
        String login = logins.loginOf(caller.agentId()).orElse(caller.agentId());
        throttle.check(login, http.getRemoteAddr());
        String current = logins.byAgentId(caller.agentId()).map(AgentLogins.Account::passwordHash).orElse(null);
        if (current == null || !passwords.matches(request.currentPassword(), current)) {
            throttle.failed(login, http.getRemoteAddr());
            throw Rejection.invalid("currentPassword", "is not the current password");
        }
        commands.sendAndWait(new SetAgentPassword(new AgentId(caller.agentId()), ActingAgent.of(caller),
                passwords.encode(request.newPassword())));
    }

    @PutMapping("/v1/agents/me/presence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePresence(AgentIdentity caller, @Valid @RequestBody ChangePresenceRequest request) {
        commands.sendAndWait(new ChangeAgentPresence(new AgentId(caller.agentId()), ActingAgent.of(caller),
                Presence.valueOf(request.presence().toUpperCase(Locale.ROOT))));
    }

    @PutMapping("/v1/agents/{agentId}/role")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changeRole(AgentIdentity caller, @PathVariable String agentId,
                           @Valid @RequestBody ChangeRoleRequest request) {
        commands.sendAndWait(new ChangeAgentRole(new AgentId(agentId), ActingAgent.of(caller), role(request.role())));
    }

    @PostMapping("/v1/agents/{agentId}/deactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deactivate(AgentIdentity caller, @PathVariable String agentId) {
        commands.sendAndWait(new DeactivateAgent(new AgentId(agentId), ActingAgent.of(caller)));
    }

    @PutMapping("/v1/agents/{agentId}/capacity")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changeCapacity(AgentIdentity caller, @PathVariable String agentId,
                               @Valid @RequestBody ChangeCapacityRequest request) {
        commands.sendAndWait(new ChangeAgentCapacity(new AgentId(agentId), ActingAgent.of(caller),
                request.maxConcurrentChats()));
    }

    /** The teams must exist in the caller's organization; an unknown one is a 422 naming {@code teamIds}. */
    @PutMapping("/v1/agents/{agentId}/teams")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changeTeams(AgentIdentity caller, @PathVariable String agentId,
                            @Valid @RequestBody ChangeTeamsRequest request) {
        AgentId target = new AgentId(agentId);
        ActingAgent by = ActingAgent.of(caller);
        by.requireAdmin();
        Set<TeamId> teamIds = request.teamIds().stream()
                .map(team -> new TeamId(Ids.require(team, "teamIds")))
                .collect(Collectors.toUnmodifiableSet());
        List<TeamId> unknown = teams.unknown(by.organizationId(), teamIds);
        if (!unknown.isEmpty()) {
            throw Rejection.invalid("teamIds", "no such team: " + unknown.getFirst().value());
        }
        commands.sendAndWait(new ChangeAgentTeams(target, by, teamIds));
    }

    private static Role role(String role) {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }
}
