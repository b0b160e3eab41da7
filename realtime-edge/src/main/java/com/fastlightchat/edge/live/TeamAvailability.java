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

/**
 * Agents' presence, from {@link AgentPresenceChanged} on the agent event stream: every change goes to the
 * organization's agents ({@value ClientEvents#AGENT_PRESENCE}), and when the number of online agents of an
 * organization crosses zero its end users hear {@value ClientEvents#TEAM_AVAILABILITY}.
 *
 * <p>Each organization's agents that are not offline are kept in the Redis hash
 * {@code <prefix>agents:<organizationId>} (agent id → {@code online} / {@code away}), shared by all instances, so a
 * widget that connects learns the current availability ({@link #isOnline}). The hash is learned from the events
 * only: after a Redis flush it fills again as agents change presence. Every instance reads every event, so each
 * decides the crossings for its own sockets, remembering what it last told each organization; while Redis is down
 * it counts with what it saw itself.
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
    /** Organization → agent → presence, as seen by this instance; the count while Redis is down. */
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    /** Organization → the availability this instance last announced (or found). */
    private final Map<String, Boolean> announced = new ConcurrentHashMap<>();

    public TeamAvailability(StringRedisTemplate redis, String keyPrefix, LiveRooms rooms) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.rooms = rooms;
    }

    @Override
    public void on(EventEnvelope event) {
        if (!(event.payload() instanceof AgentPresenceChanged changed)) {
            return;
        }
        String organizationId = changed.organizationId().value();
        String agentId = changed.agentId().value();
        String presence = name(changed.presence());
        rooms.toOrganization(organizationId, ClientEvents.agentPresence(agentId, presence), null);
        Map<String, String> agents = seen.computeIfAbsent(organizationId, id -> new ConcurrentHashMap<>());
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

    /** Whether any agent of the organization is online now; what this instance saw when Redis is down. */
    public boolean isOnline(String organizationId) {
        try {
            List<String> presences = redis.<String, String>opsForHash().values(key(organizationId));
            return presences.contains(name(Presence.ONLINE));
        } catch (DataAccessException e) {
            log.debug("team availability read locally: {}", e.toString());
            return online(seen.getOrDefault(organizationId, Map.of()));
        }
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
