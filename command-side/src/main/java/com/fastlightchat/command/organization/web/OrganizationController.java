package com.fastlightchat.command.organization.web;

import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.command.organization.ClearOpeningHours;
import com.fastlightchat.command.organization.CreateTeam;
import com.fastlightchat.command.organization.DeleteTeam;
import com.fastlightchat.command.organization.Organization;
import com.fastlightchat.command.organization.RenameOrganization;
import com.fastlightchat.command.organization.RenameTeam;
import com.fastlightchat.command.organization.SetOpeningHours;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
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

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

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

    /** {@code day}: monday to sunday (any case); {@code from} and {@code to}: {@code HH:mm}, {@code to} up to 24:00. */
    public record PeriodRequest(String day, String from, String to) {
    }

    /** {@code timeZone}: an IANA time zone such as Europe/Berlin; {@code periods}: 1 to 70, never overlapping. */
    public record OpeningHoursRequest(String timeZone, List<PeriodRequest> periods) {
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

    /**
     * Sets the organization's weekly opening hours (204); business-hours analytics count only the time inside them.
     * The same hours again change nothing; bad input is a 422 naming the field (e.g. {@code periods[2].from}).
     */
    @PutMapping("/v1/organization/opening-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void setOpeningHours(AgentIdentity caller, @RequestBody OpeningHoursRequest request) {
        ActingAgent by = ActingAgent.of(caller);
        if (request.periods() == null) {
            throw Rejection.invalid("periods", "is required");
        }
        List<OpeningHours.Period> periods = new ArrayList<>();
        for (int i = 0; i < request.periods().size(); i++) {
            PeriodRequest period = request.periods().get(i);
            if (period == null) {
                throw Rejection.invalid("periods[" + i + "]", "is required");
            }
            periods.add(new OpeningHours.Period(day(period.day(), "periods[" + i + "].day"), period.from(),
                    period.to()));
        }
        commands.sendAndWait(new SetOpeningHours(by.organizationId(), by,
                new OpeningHours(request.timeZone(), periods)));
    }

    /** Removes the opening hours (204): the organization counts as always open. */
    @DeleteMapping("/v1/organization/opening-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void clearOpeningHours(AgentIdentity caller) {
        ActingAgent by = ActingAgent.of(caller);
        commands.sendAndWait(new ClearOpeningHours(by.organizationId(), by));
    }

    private static DayOfWeek day(String day, String field) {
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (candidate.name().equalsIgnoreCase(day == null ? "" : day.strip())) {
                return candidate;
            }
        }
        throw Rejection.invalid(field, "must be a day of the week: monday to sunday");
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
