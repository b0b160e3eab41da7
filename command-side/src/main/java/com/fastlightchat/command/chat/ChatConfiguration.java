package com.fastlightchat.command.chat;

import com.fastlightchat.command.CommandSideProperties;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;

/** Chat wiring: snapshots of long chats, and the poller that wakes snoozed chats (Spring scheduling is enabled here). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ChatConfiguration implements SchedulingConfigurer {

    /** The bean name {@link Chat} refers to for its snapshot trigger. */
    public static final String SNAPSHOT_TRIGGER = "chatSnapshotTrigger";

    private final CommandSideProperties properties;
    private final ChatWakeUps wakeUps;
    private final CommandGateway commands;

    public ChatConfiguration(CommandSideProperties properties, ChatWakeUps wakeUps, CommandGateway commands) {
        this.properties = properties;
        this.wakeUps = wakeUps;
        this.commands = commands;
    }

    /** A chat is snapshotted every {@code flc.command.snapshot-threshold} events, so loading a long one stays fast. */
    @Bean(SNAPSHOT_TRIGGER)
    static SnapshotTriggerDefinition chatSnapshotTrigger(Snapshotter snapshotter, CommandSideProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        ChatWakeUpScheduler scheduler = new ChatWakeUpScheduler(wakeUps, commands, Clock.systemUTC());
        registrar.addFixedDelayTask(scheduler::wakeDueChats, properties.schedulerPollInterval());
    }
}
