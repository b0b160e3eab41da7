package com.fastlightchat.edge.live;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.edge.agent.AgentNamespace;
import com.fastlightchat.edge.delivery.ClientEvents;
import com.fastlightchat.edge.delivery.Subscriptions;
import com.fastlightchat.edge.sdk.Rooms;
import com.fastlightchat.edge.sdk.SdkNamespace;
import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /**
     * While Redis is unreachable, commands fail at once instead of queueing until the timeout: the stream thread
     * and the request threads go on without Redis (no event is lost, the query side answers catch-ups), and
     * Lettuce reconnects by itself.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return builder -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    LiveSignals liveSignals(StringRedisTemplate redis, RealtimeEdgeProperties properties) {
        return new LiveSignals(redis, properties.redisKeyPrefix() + "live",
                UUID.randomUUID().toString().substring(0, 12));
    }

    /** Resubscribes by itself after Redis comes back. */
    @Bean
    RedisMessageListenerContainer liveSignalListener(RedisConnectionFactory connections, LiveSignals signals) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setRecoveryInterval(1000L);
        container.addMessageListener(signals, new ChannelTopic(signals.channel()));
        return container;
    }

    @Bean
    LiveRooms liveRooms(SocketIOServer server) {
        return new LiveRooms() {
            @Override
            public void toChat(String chatId, Map<String, Object> body, String excludedSocketId) {
                emit(server.getNamespace(SdkNamespace.NAME), Rooms.chat(chatId), body, excludedSocketId);
            }

            @Override
            public void toOrganization(String organizationId, Map<String, Object> body, String excludedSocketId) {
                emit(server.getNamespace(AgentNamespace.NAME), Rooms.organization(organizationId), body,
                        excludedSocketId);
            }

            @Override
            public void toOrganizationUsers(String organizationId, Map<String, Object> body) {
                emit(server.getNamespace(SdkNamespace.NAME), Rooms.organization(organizationId), body, null);
            }
        };
    }

    private static void emit(SocketIONamespace namespace, String room, Map<String, Object> body, String excluded) {
        if (namespace == null) {
            return;
        }
        SocketIOClient excludedClient = excluded == null ? null : namespace.getClient(UUID.fromString(excluded));
        if (excludedClient == null) {
            namespace.getRoomOperations(room).sendEvent(ClientEvents.EVENT_NAME, body);
        } else {
            namespace.getRoomOperations(room).sendEvent(ClientEvents.EVENT_NAME, excludedClient, body);
        }
    }

    @Bean
    Typing typing(LiveSignals signals, LiveRooms rooms, RealtimeEdgeProperties properties, Clock clock) {
        return new Typing(signals, rooms, properties.typingTimeout(), clock);
    }

    @Bean
    Presence presence(StringRedisTemplate redis, RealtimeEdgeProperties properties, LiveSignals signals,
                      LiveRooms rooms, Clock clock, Subscriptions subscriptions) {
        return new Presence(redis, properties.redisKeyPrefix(), signals, rooms, properties.presenceTtl(), clock,
                subscriptions::chatsOfUser);
    }

    @Bean
    TeamAvailability teamAvailability(StringRedisTemplate redis, RealtimeEdgeProperties properties, LiveRooms rooms) {
        return new TeamAvailability(redis, properties.redisKeyPrefix(), rooms);
    }

    /** Writes presence and team availability back within a second of Redis coming back empty. */
    @Bean
    LiveStateRestorer liveStateRestorer(StringRedisTemplate redis, RealtimeEdgeProperties properties,
                                        LiveSignals signals, Presence presence, TeamAvailability availability) {
        return new LiveStateRestorer(redis, properties.redisKeyPrefix(), signals.instanceId(), Duration.ofSeconds(10),
                () -> {
                    presence.heartbeat();
                    availability.reseed();
                });
    }

    /**
     * Ends stale typing indicators every half second, keeps this instance's sockets counted as online, and every
     * second checks whether Redis lost the live state.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService liveTimers(Typing typing, Presence presence, LiveStateRestorer restorer,
                                        RealtimeEdgeProperties properties) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-timers").daemon().factory());
        timers.scheduleWithFixedDelay(typing::expire, 500, 500, TimeUnit.MILLISECONDS);
        long heartbeat = Math.max(1000, properties.presenceTtl().toMillis() / 3);
        timers.scheduleWithFixedDelay(presence::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(restorer::check, 1000, 1000, TimeUnit.MILLISECONDS);
        return timers;
    }
}
