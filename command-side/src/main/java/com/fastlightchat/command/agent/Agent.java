package com.fastlightchat.command.agent;

import com.fastlightchat.command.platform.AggregateCaching;
import com.fastlightchat.kernel.event.AgentEvent;
import com.fastlightchat.kernel.event.AgentEvent.AgentAdded;
import com.fastlightchat.kernel.event.AgentEvent.AgentCapacityChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentDeactivated;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationAccepted;
import com.fastlightchat.kernel.event.AgentEvent.AgentInvitationIssued;
import com.fastlightchat.kernel.event.AgentEvent.AgentPasswordSet;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentRoleChanged;
import com.fastlightchat.kernel.event.AgentEvent.AgentTeamsChanged;
import com.fastlightchat.kernel.event.AgentEvent.Presence;
import com.fastlightchat.kernel.event.AgentEvent.Role;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of an organization's support staff: role, account state, presence, capacity and teams. A deactivated
 * agent is final: only a repeated deactivation is accepted (as a no-op).
 */
@Aggregate(cache = AggregateCaching.CACHE)
public class Agent {

    /** A pragmatic e-mail shape check; deliverability is proven by invitation, not by a regex. */
    static final Pattern LOGIN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
    public static final int MAX_CAPACITY = 100;
    public static final int MAX_TEAMS = 50;
    private static final Comparator<TeamId> BY_VALUE = Comparator.comparing(TeamId::value);

    @AggregateIdentifier
    private AgentId id;
    private OrganizationId organizationId;
    private Role role;
    private boolean active;
    private Presence presence;
    private int maxConcurrentChats;
    private final Set<TeamId> teams = new HashSet<>();
    private String invitationHash;
    private Instant invitationExpiresAt;

    protected Agent() {
    }

    @CommandHandler
    public Agent(AddAgent command) {
        String login = normalizeLogin(command.login());
        requireRole(command.role());
        apply(new AgentAdded(command.organizationId(), command.agentId(), login, command.role(), command.profile()));
        if (command.passwordHash() != null) {
            apply(new AgentPasswordSet(command.organizationId(), command.agentId(), command.passwordHash()));
        }
    }

    @CommandHandler
    public Agent(InviteAgent command) {
        ActingAgent by = command.by();
        by.requireAdmin();
        requireRole(command.role());
        if (command.role() == Role.OWNER && !by.isOwner()) {
            throw Rejection.forbidden("only an owner may add an owner");
        }
        String login = normalizeLogin(command.login(), "email");
        apply(new AgentAdded(by.organizationId(), command.agentId(), login, command.role(), command.profile()));
        apply(new AgentInvitationIssued(by.organizationId(), command.agentId(), by.agentId(), command.tokenHash(),
                command.expiresAt()));
    }

    @CommandHandler
    public void handle(AcceptInvitation command) {
        boolean matches = invitationHash != null && command.tokenHash() != null && MessageDigest.isEqual(
                invitationHash.getBytes(StandardCharsets.US_ASCII),
                command.tokenHash().getBytes(StandardCharsets.US_ASCII));
        if (!active || !matches || !command.now().isBefore(invitationExpiresAt)) {
            throw Rejection.invalid("token", "the invitation is not valid or has expired");
        }
        apply(new AgentInvitationAccepted(organizationId, id));
        apply(new AgentPasswordSet(organizationId, id, command.passwordHash()));
    }

    @CommandHandler
    public void handle(SetAgentPassword command) {
        requireSelf(command.by());
        requireActive();
        apply(new AgentPasswordSet(organizationId, id, command.passwordHash()));
    }

    @CommandHandler
    public void handle(ChangeAgentRole command) {
        command.by().requireOwner();
        command.by().requireOrganization(organizationId, "agent");
        requireRole(command.role());
        requireActive();
        if (command.role() != role) {
            apply(new AgentRoleChanged(organizationId, id, role, command.role(), command.by().agentId()));
        }
    }

    @CommandHandler
    public void handle(DeactivateAgent command) {
        command.by().requireAdmin();
        command.by().requireOrganization(organizationId, "agent");
        if (role == Role.OWNER && !command.by().isOwner()) {
            throw Rejection.forbidden("only an owner may deactivate an owner");
        }
        if (!active) {
            return;
        }
        if (presence != Presence.OFFLINE) {
            apply(new AgentPresenceChanged(organizationId, id, Presence.OFFLINE));
        }
        apply(new AgentDeactivated(organizationId, id, role, command.by().agentId()));
    }

    @CommandHandler
    public void handle(ChangeAgentPresence command) {
        requireSelf(command.by());
        if (command.presence() == null) {
            throw Rejection.invalid("presence", "must be one of online, away, offline");
        }
        requireActive();
        if (command.presence() != presence) {
            apply(new AgentPresenceChanged(organizationId, id, command.presence()));
        }
    }

    @CommandHandler
    public void handle(ChangeAgentCapacity command) {
        command.by().requireAdmin();
        command.by().requireOrganization(organizationId, "agent");
        if (command.maxConcurrentChats() < 0 || command.maxConcurrentChats() > MAX_CAPACITY) {
            throw Rejection.invalid("maxConcurrentChats", "must be 0-" + MAX_CAPACITY);
        }
        requireActive();
        if (command.maxConcurrentChats() != maxConcurrentChats) {
            apply(new AgentCapacityChanged(organizationId, id, command.maxConcurrentChats(), command.by().agentId()));
        }
    }

    @CommandHandler
    public void handle(ChangeAgentTeams command) {
        command.by().requireAdmin();
        command.by().requireOrganization(organizationId, "agent");
        if (command.teamIds().size() > MAX_TEAMS) {
            throw Rejection.invalid("teamIds", "must name at most " + MAX_TEAMS + " teams");
        }
        requireActive();
        if (command.teamIds().equals(teams)) {
            return;
        }
        apply(new AgentTeamsChanged(organizationId, id, sorted(command.teamIds()),
                sorted(command.teamIds().stream().filter(team -> !teams.contains(team)).toList()),
                sorted(teams.stream().filter(team -> !command.teamIds().contains(team)).toList()),
                command.by().agentId()));
    }

    /** Logins are e-mail addresses, compared case-insensitively. */
    public static String normalizeLogin(String login) {
        return normalizeLogin(login, "login");
    }

    /** As {@link #normalizeLogin(String)}, naming the request's {@code field} when the login is not acceptable. */
    public static String normalizeLogin(String login, String field) {
        String normalized = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(normalized).matches()) {
            throw Rejection.invalid(field, "must be an e-mail address");
        }
        return normalized;
    }

    private static void requireRole(Role role) {
        if (role == null) {
            throw Rejection.invalid("role", "must be one of owner, admin, agent");
        }
    }

    /** Commands an agent may only give about themselves. */
    private void requireSelf(ActingAgent by) {
        by.requireOrganization(organizationId, "agent");
        if (!by.agentId().equals(id)) {
            throw Rejection.forbidden("an agent may only change this for themselves");
        }
    }

    private void requireActive() {
        if (!active) {
            throw Rejection.conflict("agentId", "the agent is deactivated");
        }
    }

    private static List<TeamId> sorted(Collection<TeamId> teamIds) {
        return teamIds.stream().sorted(BY_VALUE).toList();
    }

    @EventSourcingHandler
    void on(AgentAdded event) {
        id = event.agentId();
        organizationId = event.organizationId();
        role = event.role();
        active = true;
        presence = Presence.OFFLINE;
        maxConcurrentChats = AgentEvent.DEFAULT_MAX_CONCURRENT_CHATS;
    }

    @EventSourcingHandler
    void on(AgentInvitationIssued event) {
        invitationHash = event.tokenHash();
        invitationExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(AgentInvitationAccepted event) {
        invitationHash = null;
        invitationExpiresAt = null;
    }

    @EventSourcingHandler
    void on(AgentRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(AgentDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(AgentPresenceChanged event) {
        presence = event.presence();
    }

    @EventSourcingHandler
    void on(AgentCapacityChanged event) {
        maxConcurrentChats = event.maxConcurrentChats();
    }

    @EventSourcingHandler
    void on(AgentTeamsChanged event) {
        teams.clear();
        teams.addAll(event.teamIds());
    }
}
