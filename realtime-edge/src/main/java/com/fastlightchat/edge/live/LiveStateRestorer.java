package com.fastlightchat.edge.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;

/**
 * Notices that Redis lost its data — restarted without persistence, or flushed — and has this instance write back
 * the live state it holds in memory: its sockets' presence and the team availability it knows. Each instance keeps
 * a marker key of its own, {@code <prefix>live-state:<instanceId>}, refreshed at every {@link #check()}; finding it
 * missing means Redis is empty (or this instance just started, when there is nothing to write back yet). Redis being
 * down changes nothing here: the check fails quietly and runs again.
 */
public final class LiveStateRestorer {

    private static final Logger log = LoggerFactory.getLogger(LiveStateRestorer.class);

    /** 1 when the marker was missing (now set), 0 when it was there (expiry refreshed). ARGV: ttl in ms. */
    private static final RedisScript<Long> MARK = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              return 0
            end
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final String markerKey;
    private final Duration markerTtl;
    private final Runnable restore;
    private boolean started;

    /**
     * @param markerTtl how long the marker outlives this instance's last check (longer than the check interval)
     * @param restore   writes this instance's live state back to Redis
     */
    public LiveStateRestorer(StringRedisTemplate redis, String keyPrefix, String instanceId, Duration markerTtl,
                             Runnable restore) {
        this.redis = redis;
        this.markerKey = keyPrefix + "live-state:" + instanceId;
        this.markerTtl = markerTtl;
        this.restore = restore;
    }

    /** Writes the live state back if Redis lost it since the last check. Called periodically, from one thread. */
    public void check() {
        Long missing;
        try {
            missing = redis.execute(MARK, List.of(markerKey), Long.toString(markerTtl.toMillis()));
        } catch (DataAccessException e) {
            log.debug("live state not checked: {}", e.toString());
            return;
        }
        if (missing != null && missing == 1) {
            if (started) {
                log.info("Redis lost its data (restarted or flushed): writing this instance's live state back");
            }
            restore.run();
        }
        started = true;
    }
}
