package com.fastlightchat.edge.live;

import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.stream.AgentEventHandler;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.AgentEvent.AgentPresenceChanged;
import com.fastlightchat.kernel.event.AgentEvent.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Agents' presence, from {@link AgentPresenceChanged} on the agent event stream: every change goes to the
 * organization's agents ({@value ClientEvents#AGENT_PRESENCE}), and when the number of online agents of an
 * organization crosses zero its end users hear {@value ClientEvents#TEAM_AVAILABILITY}.
 *
 * <p>Each organization's agents that are not offline are kept in the Redis hash
 * {@code <prefix>agents:<organizationId>} (agent id → {@code online} / {@code away}), shared by all instances, so a
 * widget that connects learns the current availability ({@link #isOnline}). Every instance also keeps in memory
 * what it knows of the organizations it dealt with (the hash as it first read it, then every event since), so that
 * when Redis comes back empty (restarted, flushed) each instance writes back what it knows ({@link #reseed()}).
 * Every instance reads every event, so each decides the crossings for its own sockets, remembering what it last
 * told each organization; while Redis is down it counts with what it knows itself.
 */
public final class TeamAvailability implements AgentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(TeamAvailability.class);

    /** Sets (or, for offline, removes) the agent's presence; returns the organization's online agents after. */
    private static final RedisScript<Long> UPDATE = RedisScript.of("""
            if ARGV[2] == 'offline' then
              redis.call('HDEL', KEYS[1], ARGV[1])
            else
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            end
            local online = 0
            for _, presence in ipairs(redis.call('HVALS', KEYS[1])) do
              if presence == 'online' then online = online + 1 end
            end
            return online""", Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final LiveRooms rooms;
    /** Writes an organization's known agents back (ARGV: agent, presence, agent, presence…). */
    private static final RedisScript<Long> RESEED = RedisScript.of("""
            for i = 1, #ARGV, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            return 1""", Long.class);

    /**
     * Organization → agent → presence (never offline) as this instance knows it: the shared hash when first read,
     * then every event. The count while Redis is down, and what {@link #reseed()} writes back.
     */
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    /** Organization → the availability this instance last announced (or found). */
    private final Map<String, Boolean> announced = new ConcurrentHashMap<>();

    public TeamAvailability(StringRedisTemplate redis, String keyPrefix, LiveRooms rooms) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.rooms = rooms;
    }

    @Override
    public synchronized void on(EventEnvelope event) {
        if (!(event.payload() instanceof AgentPresenceChanged changed)) {
            return;
        }
        String organizationId = changed.organizationId().value();
        String agentId = changed.agentId().value();
        String presence = name(changed.presence());
        rooms.toOrganization(organizationId, ClientEvents.agentPresence(agentId, presence), null);
        Map<String, String> agents = known(organizationId);
        Boolean before = announced.get(organizationId);
        if (before == null) {
            before = isOnline(organizationId);
        }
        if (changed.presence() == Presence.OFFLINE) {
            agents.remove(agentId);
        } else {
            agents.put(agentId, presence);
        }
        boolean after = update(organizationId, agentId, presence, agents);
        announced.put(organizationId, after);
        if (after != before) {
            rooms.toOrganizationUsers(organizationId, ClientEvents.teamAvailability(after));
        }
    }

    /** Whether any agent of the organization is online now; what this instance knows when Redis is down. */
    public boolean isOnline(String organizationId) {
        if (!seen.containsKey(organizationId)) {
            synchronized (this) {
                known(organizationId);
            }
        }
        try {
            List<String> presences = redis.<String, String>opsForHash().values(key(organizationId));
            return presences.contains(name(Presence.ONLINE));
        } catch (DataAccessException e) {
            log.debug("team availability read locally: {}", e.toString());
            return online(seen.getOrDefault(organizationId, Map.of()));
        }
    }

    /**
     * Writes every agent this instance knows to be online or away back to Redis, for when Redis lost its data. An
     * event handled meanwhile waits (both hold this object's lock), so nothing older overwrites something newer.
     */
    public synchronized void reseed() {
        seen.forEach((organizationId, agents) -> {
            if (agents.isEmpty()) {
                return;
            }
            Object[] arguments = agents.entrySet().stream()
                    .flatMap(agent -> Stream.of(agent.getKey(), agent.getValue())).toArray();
            try {
                redis.execute(RESEED, List.of(key(organizationId)), arguments);
            } catch (DataAccessException e) {
                log.debug("team availability not written back: {}", e.toString());
            }
        });
    }

    /**
     * This instance's map of an organization's agents; on first use filled from the shared hash (when Redis
     * answers), so that an instance knows the agents that went online before it started. Call holding the lock.
     */
    private Map<String, String> known(String organizationId) {
        Map<String, String> agents = seen.get(organizationId);
        if (agents != null) {
            return agents;
        }
        agents = new ConcurrentHashMap<>();
        try {
            redis.<String, String>opsForHash().entries(key(organizationId)).forEach(agents::putIfAbsent);
        } catch (DataAccessException e) {
            log.debug("team availability not read: {}", e.toString());
        }
        seen.put(organizationId, agents);
        return agents;
    }

    private boolean update(String organizationId, String agentId, String presence, Map<String, String> agents) {
        try {
            Long online = redis.execute(UPDATE, List.of(key(organizationId)), agentId, presence);
            return online != null && online > 0;
        } catch (DataAccessException e) {
            log.debug("team availability not stored: {}", e.toString());
            return online(agents);
        }
    }

    private static boolean online(Map<String, String> agents) {
        return agents.containsValue(name(Presence.ONLINE));
    }

    private static String name(Presence presence) {
        return presence.name().toLowerCase(Locale.ROOT);
    }

    private String key(String organizationId) {
        return keyPrefix + "agents:" + organizationId;
    }
}
