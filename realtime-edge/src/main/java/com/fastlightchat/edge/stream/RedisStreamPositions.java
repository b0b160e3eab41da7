package com.fastlightchat.edge.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link StreamPositions} in the Redis hash {@code <prefix>stream-positions:<topic>} (partition → next offset). A
 * save raises each partition's offset, never lowers it, in one script call per poll. Redis being down or flushed
 * only loses the positions: an instance starting then begins at the live end, as without them.
 */
public final class RedisStreamPositions implements StreamPositions {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamPositions.class);

    /** ARGV: partition, offset, partition, offset… */
    private static final RedisScript<Long> RAISE = RedisScript.of("""
            for i = 1, #ARGV, 2 do
              local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
              if tonumber(ARGV[i + 1]) > current then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
            end
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    public RedisStreamPositions(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Map<Integer, Long> load(String topic) {
        try {
            Map<Integer, Long> positions = new HashMap<>();
            redis.<String, String>opsForHash().entries(key(topic))
                    .forEach((partition, offset) -> positions.put(Integer.valueOf(partition), Long.valueOf(offset)));
            return positions;
        } catch (DataAccessException | NumberFormatException e) {
            log.warn("stream positions of {} unavailable, starting at the live end: {}", topic, e.toString());
            return Map.of();
        }
    }

    @Override
    public void save(String topic, Map<Integer, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        List<String> arguments = new ArrayList<>(positions.size() * 2);
        positions.forEach((partition, offset) -> {
            arguments.add(partition.toString());
            arguments.add(offset.toString());
        });
        try {
            redis.execute(RAISE, List.of(key(topic)), arguments.toArray());
        } catch (DataAccessException e) {
            log.debug("stream positions of {} not saved: {}", topic, e.toString());
        }
    }

    private String key(String topic) {
        return keyPrefix + "stream-positions:" + topic;
    }
}
