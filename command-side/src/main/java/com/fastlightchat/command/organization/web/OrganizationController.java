package com.fastlightchat.command.organization.web;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.command.organization.CreateTeam;
import com.fastlightchat.command.organization.DeleteTeam;
import com.fastlightchat.command.organization.Organization;
import com.fastlightchat.command.organization.RenameOrganization;
import com.fastlightchat.command.organization.RenameTeam;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.TeamId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own organization and its teams ({@code Authorization: Bearer}, owners and admins; 403 otherwise).
 * The organization is always the caller's, so a team id of another organization is a 404.
 */
@RestController
public class OrganizationController {

    public record NameRequest(@NotBlank @Size(max = Organization.MAX_NAME_LENGTH) String name) {
    }

    public record TeamCreatedResponse(String teamId) {
    }

    private final CommandGateway commands;

    public OrganizationController(CommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping("/v1/organization/name")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void rename(AgentIdentity caller, @Valid @RequestBody NameRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        commands.sendAndWait(new RenameOrganization(by.organizationId(), by, request.name()));
    }

    @PostMapping("/v1/teams")
    @ResponseStatus(HttpStatus.CREATED)
    public TeamCreatedResponse createTeam(AgentIdentity caller, @Valid @RequestBody NameRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        TeamId teamId = new TeamId(Ids.random("team"));
        commands.sendAndWait(new CreateTeam(by.organizationId(), by, teamId, request.name()));
        return new TeamCreatedResponse(teamId.value());
    }

    @PutMapping("/v1/teams/{teamId}/name")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void renameTeam(AgentIdentity caller, @PathVariable String teamId,
                           @Valid @RequestBody NameRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        commands.sendAndWait(new RenameTeam(by.organizationId(), by, new TeamId(teamId), request.name()));
    }

    @DeleteMapping("/v1/teams/{teamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteTeam(AgentIdentity caller, @PathVariable String teamId) {
        ActingAgent by = ActingAgent.of(caller);
        commands.sendAndWait(new DeleteTeam(by.organizationId(), by, new TeamId(teamId)));
    }
}
