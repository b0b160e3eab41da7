package com.fastlightchat.query;

import com.fastlightchat.kernel.envelope.EventEnvelope;
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
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.EnvironmentEvent.AllowedOriginsChanged;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.OrganizationRenamed;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamCreated;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamDeleted;
import com.fastlightchat.kernel.event.OrganizationEvent.TeamRenamed;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.event.UserEvent.CustomAttributes;
import com.fastlightchat.kernel.event.UserEvent.UserAttributesUpdated;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.query.chat.ChatStory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: organization, agent, user and chat events of one tenant as the command side would publish them —
 * gapless sequences per aggregate, one second apart, stable event ids (a redelivery is the same event).
 */
public final class DirectoryStory {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final OrganizationId organization;
    private final EnvironmentId environment;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, ChatStory> chats = new HashMap<>();

    DirectoryStory(String organizationId) {
        this.organization = new OrganizationId(organizationId);
        this.environment = new EnvironmentId("env_" + organizationId);
    }

    /**
     * A whole tenant: renamed organization with teams (one renamed, one deleted); an active owner, an agent who
     * accepted her invitation, an invited admin and a deactivated admin; members, an anonymous user merged into a
     * member; four chats whose assignments leave the owner and the agent two open chats each.
     * Ids are {@code <kind>_<organizationId>} ({@link #id}).
     */
    static DirectoryStory tenant(String organizationId) {
        DirectoryStory t = new DirectoryStory(organizationId);
        String owner = id("ag_owner", t), amy = id("ag_amy", t), ivan = id("ag_ivan", t), dora = id("ag_dora", t);
        String alice = id("usr_alice", t), bob = id("usr_bob", t), anon = id("usr_anon", t);
        t.created("Acme", owner).renamed("Acme Inc")
                .team(id("team_sales", t), "Sales").team(id("team_support", t), "Support")
                .teamRenamed(id("team_support", t), "Customer Support").team(id("team_old", t), "Old")
                .activeAgent(owner, "Olivia Owner", Role.OWNER).presence(owner, Presence.ONLINE)
                .teams(owner, id("team_old", t), id("team_support", t))
                .teamDeleted(id("team_old", t))
                .invitedAgent(amy, "Amy Agent", Role.AGENT).accepted(amy).capacity(amy, 3)
                .teams(amy, id("team_sales", t)).presence(amy, Presence.AWAY)
                .invitedAgent(ivan, "Ivan Invited", Role.ADMIN)
                .activeAgent(dora, "Dora Gone", Role.AGENT).roleChanged(dora, Role.AGENT, Role.ADMIN)
                .presence(dora, Presence.ONLINE).presence(dora, Presence.OFFLINE).deactivated(dora, Role.ADMIN)
                .booted(alice).identified(alice, "M-100")
                .profile(alice, "Alice Smith", "Alice@Example.com", "+1 555 0100")
                .attributes(alice, Map.of("plan", "pro", "seats", 5, "vip", true))
                .booted(bob).profile(bob, "Bob Stone", "bob@stone.io", null)
                .booted(anon);
        t.include(t.chat(id("ch_1", t), alice).opened().assigned(owner, null).userSays(id("m1", t), "hello"));
        t.include(t.chat(id("ch_2", t), alice).opened().assigned(amy, id("team_sales", t)).closed()
                .reopened(ChatEvent.ReopenReason.AGENT));
        t.include(t.chat(id("ch_3", t), bob).opened().assigned(amy, null).unassigned(amy).assigned(owner, null));
        t.include(t.chat(id("ch_4", t), anon).opened().assigned(amy, null));
        t.merged(anon, alice, "M-100");
        t.include(t.chat(id("ch_4", t), anon).transferred(new UserId(alice)));
        return t;
    }

    /** The id of a tenant's thing, e.g. {@code id("ag_owner", t)}. */
    static String id(String kind, DirectoryStory tenant) {
        return kind + "_" + tenant.organizationId();
    }

    String organizationId() {
        return organization.value();
    }

    List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    DirectoryStory created(String name, String ownerAgentId) {
        return add(new OrganizationCreated(organization, name, new AgentId(ownerAgentId)));
    }

    DirectoryStory renamed(String name) {
        return add(new OrganizationRenamed(organization, name));
    }

    DirectoryStory team(String teamId, String name) {
        return add(new TeamCreated(organization, new TeamId(teamId), name, admin()));
    }

    DirectoryStory teamRenamed(String teamId, String name) {
        return add(new TeamRenamed(organization, new TeamId(teamId), name, admin()));
    }

    DirectoryStory teamDeleted(String teamId) {
        return add(new TeamDeleted(organization, new TeamId(teamId), admin()));
    }

    /** Added with a password, as the owner at sign-up: active. */
    DirectoryStory activeAgent(String agentId, String name, Role role) {
        return add(new AgentAdded(organization, new AgentId(agentId), agentId + "@example.com", role,
                new PersonProfile(name, agentId + "@example.com", null)))
                .add(new AgentPasswordSet(organization, new AgentId(agentId), "$2a$10$hash"));
    }

    /** Added and invited, not accepted yet. */
    DirectoryStory invitedAgent(String agentId, String name, Role role) {
        return add(new AgentAdded(organization, new AgentId(agentId), agentId + "@example.com", role,
                new PersonProfile(name, null, null)))
                .add(new AgentInvitationIssued(organization, new AgentId(agentId), admin(), "sha256-hash",
                        T0.plus(Duration.ofDays(7))));
    }

    DirectoryStory accepted(String agentId) {
        return add(new AgentInvitationAccepted(organization, new AgentId(agentId)))
                .add(new AgentPasswordSet(organization, new AgentId(agentId), "$2a$10$hash"));
    }

    DirectoryStory roleChanged(String agentId, Role from, Role to) {
        return add(new AgentRoleChanged(organization, new AgentId(agentId), from, to, admin()));
    }

    DirectoryStory presence(String agentId, Presence presence) {
        return add(new AgentPresenceChanged(organization, new AgentId(agentId), presence));
    }

    DirectoryStory capacity(String agentId, int capacity) {
        return add(new AgentCapacityChanged(organization, new AgentId(agentId), capacity, admin()));
    }

    DirectoryStory teams(String agentId, String... teamIds) {
        List<TeamId> teams = java.util.Arrays.stream(teamIds).map(TeamId::new).toList();
        return add(new AgentTeamsChanged(organization, new AgentId(agentId), teams, teams, List.of(), admin()));
    }

    DirectoryStory deactivated(String agentId, Role role) {
        return add(new AgentDeactivated(organization, new AgentId(agentId), role, admin()));
    }

    DirectoryStory booted(String userId) {
        return add(new UserBooted(organization, new UserId(userId), environment, "veil_" + userId));
    }

    DirectoryStory identified(String userId, String memberId) {
        return add(new UserIdentified(organization, new UserId(userId), environment, memberId));
    }

    DirectoryStory profile(String userId, String name, String email, String phone) {
        return add(new UserProfileUpdated(organization, new UserId(userId), environment,
                new PersonProfile(name, email, phone)));
    }

    DirectoryStory attributes(String userId, Map<String, Object> values) {
        return add(new UserAttributesUpdated(organization, new UserId(userId), environment,
                new CustomAttributes(values)));
    }

    DirectoryStory merged(String userId, String intoUserId, String memberId) {
        return add(new UserMerged(organization, new UserId(userId), environment, new UserId(intoUserId), memberId));
    }

    /** The tenant's environment ({@code env_<organizationId>}) with its plugin key. */
    DirectoryStory environment(String pluginKey) {
        return add(new EnvironmentCreated(organization, environment, "production", pluginKey, "ak_" + pluginKey,
                "sha256-of-the-api-secret"));
    }

    DirectoryStory allowedOrigins(List<String> origins) {
        return add(new AllowedOriginsChanged(organization, environment, origins, Actor.agent("ag_admin")));
    }

    String environmentId() {
        return environment.value();
    }

    /** The chat's story, created (not yet opened) on first use. */
    ChatStory chat(String chatId, String userId) {
        return chats.computeIfAbsent(chatId, id -> new ChatStory(organization, environment, id, new UserId(userId),
                T0, Duration.ofSeconds(1)));
    }

    /** Takes the chat's events so far into this story. */
    DirectoryStory include(ChatStory chat) {
        List<EventEnvelope> all = chat.events();
        long known = events.stream().filter(e -> e.aggregateId().equals(chat.chatId())).count();
        events.addAll(all.subList((int) known, all.size()));
        return this;
    }

    private static AgentId admin() {
        return new AgentId("ag_admin");
    }

    private DirectoryStory add(DomainEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum);
        events.add(EventEnvelope.of(event.aggregateId() + "-" + sequence, sequence,
                T0.plus(Duration.ofSeconds(events.size())), null, null, event));
        return this;
    }
}
