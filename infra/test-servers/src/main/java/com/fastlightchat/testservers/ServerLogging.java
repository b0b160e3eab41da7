package com.fastlightchat.testservers;

import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the servers' own INFO chatter (an in-process Kafka broker logs hundreds of lines at startup) down to WARN,
 * when Logback is the SLF4J binding and the application has not configured those loggers itself. Client-side
 * loggers ({@code org.apache.kafka.clients}, ...) are left alone.
 */
final class ServerLogging {

    private static final List<String> SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.security",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "de.bwaldvogel.mongo");

    private ServerLogging() {
    }

    static void quietServerLoggers() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, ServerLogging.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        Logback.warnIfUnset(LoggerFactory.getILoggerFactory(), SERVER_LOGGERS);
    }

    /** Only loaded when Logback is on the class path. */
    private static final class Logback {

        static void warnIfUnset(ILoggerFactory factory, List<String> names) {
            if (factory instanceof ch.qos.logback.classic.LoggerContext context) {
                for (String name : names) {
                    ch.qos.logback.classic.Logger logger = context.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.WARN);
                    }
                }
            }
        }
    }
}
