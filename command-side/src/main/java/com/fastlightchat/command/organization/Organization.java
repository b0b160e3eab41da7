package com.fastlightchat.command.organization;

import com.fastlightchat.command.platform.AggregateCaching;
import com.fastlightchat.command.agent.ActingAgent;
import com.fastlightchat.kernel.event.OpeningHours;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursCleared;
import com.fastlightchat.kernel.event.OrganizationEvent.OpeningHoursSet;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.event.OrganizationEvent.RoutingConfigured;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamRenamed;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The tenant: its name, its teams and how its chats are routed. */
@Aggregate(cache = AggregateCaching.CACHE)
public class Organization {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_TEAMS = 500;
    /** At most this many opening periods (ten a day). */
    public static final int MAX_OPENING_PERIODS = 70;

    @AggregateIdentifier
    private OrganizationId id;
    private String name;
    /** Live teams by id, with their names. */
    private final Map<TeamId, String> teams = new HashMap<>();
    private final Set<TeamId> deletedTeams = new HashSet<>();
    private boolean autoAssign;
    /** The team automatic assignment serves; it falls back to any agent (null) when that team is deleted. */
    private TeamId defaultTeam;
    /** Null while the organization has none (always open). */
    private OpeningHours openingHours;

    protected Organization() {
    }

    @CommandHandler
    public Organization(CreateOrganization command) {
        String name = validName(command.name(), "organizationName");
        apply(new OrganizationCreated(command.organizationId(), name, command.ownerAgentId()));
    }

    @CommandHandler
    public void handle(RenameOrganization command) {
        authorize(command.by());
        String newName = validName(command.name(), "name");
        if (!newName.equals(name)) {
            apply(new OrganizationRenamed(id, newName));
        }
    }

    @CommandHandler
    public void handle(CreateTeam command) {
        authorize(command.by());
        String teamName = validName(command.name(), "name");
        String existing = teams.get(command.teamId());
        if (existing != null && existing.equals(teamName)) {
            return;
        }
        if (existing != null || deletedTeams.contains(command.teamId())) {
            throw Rejection.conflict("teamId", "a team with this id already exists");
        }
        if (teams.size() >= MAX_TEAMS) {
            throw Rejection.conflict("name", "an organization has at most " + MAX_TEAMS + " teams");
        }
        requireUniqueTeamName(command.teamId(), teamName);
        apply(new TeamCreated(id, command.teamId(), teamName, command.by().agentId()));
    }

    @CommandHandler
    public void handle(RenameTeam command) {
        authorize(command.by());
        String teamName = validName(command.name(), "name");
        String existing = teams.get(command.teamId());
        if (existing == null) {
            throw Rejection.notFound("team");
        }
        if (!existing.equals(teamName)) {
            requireUniqueTeamName(command.teamId(), teamName);
            apply(new TeamRenamed(id, command.teamId(), teamName, command.by().agentId()));
        }
    }

    @CommandHandler
    public void handle(DeleteTeam command) {
        authorize(command.by());
        if (deletedTeams.contains(command.teamId())) {
            return;
        }
        if (!teams.containsKey(command.teamId())) {
            throw Rejection.notFound("team");
        }
        apply(new TeamDeleted(id, command.teamId(), command.by().agentId()));
    }

    @CommandHandler
    public void handle(ConfigureRouting command) {
        authorize(command.by());
        if (command.defaultTeamId() != null && !teams.containsKey(command.defaultTeamId())) {
            throw Rejection.invalid("defaultTeamId", "is not a team of this organization");
        }
        if (command.autoAssign() != autoAssign || !Objects.equals(command.defaultTeamId(), defaultTeam)) {
            apply(new RoutingConfigured(id, command.autoAssign(), command.defaultTeamId(), command.by().agentId()));
        }
    }

    @CommandHandler
    public void handle(SetOpeningHours command) {
        authorize(command.by());
        OpeningHours hours = validHours(command.openingHours());
        if (!hours.equals(openingHours)) {
            apply(new OpeningHoursSet(id, hours, command.by().agentId()));
        }
    }

    @CommandHandler
    public void handle(ClearOpeningHours command) {
        authorize(command.by());
        if (openingHours != null) {
            apply(new OpeningHoursCleared(id, command.by().agentId()));
        }
    }

    /**
     * The hours with their periods sorted by day and start, or a rejection naming the field: an IANA time zone,
     * 1 to {@link #MAX_OPENING_PERIODS} periods, each {@code HH:mm} from before to (up to 24:00), none overlapping
     * another of the same day.
     */
    static OpeningHours validHours(OpeningHours hours) {
        String zone = hours.timeZone() == null ? "" : hours.timeZone().strip();
        try {
            if (ZoneId.of(zone) instanceof ZoneOffset) {
                throw Rejection.invalid("timeZone", "must be a region time zone such as Europe/Berlin, not an offset");
            }
        } catch (DateTimeException e) {
            throw Rejection.invalid("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        List<OpeningHours.Period> periods = hours.periods();
        if (periods.isEmpty() || periods.size() > MAX_OPENING_PERIODS) {
            throw Rejection.invalid("periods", "must have 1-" + MAX_OPENING_PERIODS + " periods");
        }
        for (int i = 0; i < periods.size(); i++) {
            OpeningHours.Period period = periods.get(i);
            if (period == null || period.day() == null) {
                throw Rejection.invalid("periods[" + i + "].day", "is required: monday to sunday");
            }
            int from = minute(period.from(), "periods[" + i + "].from");
            int to = minute(period.to(), "periods[" + i + "].to");
            if (from >= to) {
                throw Rejection.invalid("periods[" + i + "].to", "must be after from");
            }
        }
        List<OpeningHours.Period> sorted = periods.stream()
                .sorted(Comparator.comparing(OpeningHours.Period::day).thenComparing(OpeningHours.Period::fromMinute))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).day() == sorted.get(i - 1).day()
                    && sorted.get(i).fromMinute() < sorted.get(i - 1).toMinute()) {
                throw Rejection.invalid("periods", "periods of " + sorted.get(i).day() + " overlap");
            }
        }
        return new OpeningHours(zone, sorted);
    }

    private static int minute(String time, String field) {
        try {
            return OpeningHours.minuteOfDay(time);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(field, "must be a time HH:mm from 00:00 to 24:00");
        }
    }

    /** Owners and admins of this organization administer it. */
    private void authorize(ActingAgent by) {
        by.requireAdmin();
        by.requireOrganization(id, "organization");
    }

    private void requireUniqueTeamName(TeamId teamId, String teamName) {
        String folded = teamName.toLowerCase(Locale.ROOT);
        boolean taken = teams.entrySet().stream().anyMatch(team -> !team.getKey().equals(teamId)
                && team.getValue().toLowerCase(Locale.ROOT).equals(folded));
        if (taken) {
            throw Rejection.conflict("name", "a team with this name already exists");
        }
    }

    private static String validName(String name, String field) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw Rejection.invalid(field, "must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    @EventSourcingHandler
    void on(OrganizationCreated event) {
        id = event.organizationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrganizationRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(TeamCreated event) {
        teams.put(event.teamId(), event.name());
    }

    @EventSourcingHandler
    void on(TeamRenamed event) {
        teams.put(event.teamId(), event.name());
    }

    @EventSourcingHandler
    void on(TeamDeleted event) {
        teams.remove(event.teamId());
        deletedTeams.add(event.teamId());
        if (event.teamId().equals(defaultTeam)) {
            defaultTeam = null;
        }
    }

    @EventSourcingHandler
    void on(OpeningHoursSet event) {
        openingHours = event.openingHours();
    }

    @EventSourcingHandler
    void on(OpeningHoursCleared event) {
        openingHours = null;
    }

    @EventSourcingHandler
    void on(RoutingConfigured event) {
        autoAssign = event.autoAssign();
        defaultTeam = event.defaultTeamId();
    }
}
