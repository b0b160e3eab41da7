package com.fastlightchat.command.platform;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Concurrency conflicts are retried inside, never shown to the caller: when two instances append to the same
 * aggregate at once, the loser's command is dispatched again (it reloads the aggregate and decides anew). Only
 * conflicts are retried — a rejection or a validation error would fail the same way again.
 */
@Configuration(proxyBeanMethods = false)
public class ConflictRetries {

    /** Attempts after the first failure. */
    static final int MAX_RETRIES = 5;
    static final long BASE_DELAY_MILLIS = 20;

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, List<MessageDispatchInterceptor<? super CommandMessage<?>>> interceptors) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(interceptors)
                .retryScheduler(new ConflictRetryScheduler(executor))
                .build();
    }

    /** Retries a command whose failure was a concurrency conflict, with growing, jittered delays. */
    static final class ConflictRetryScheduler implements RetryScheduler {

        private final ScheduledExecutorService executor;

        ConflictRetryScheduler(ScheduledExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                     List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
            if (!shouldRetry(lastFailure, failures.size())) {
                return false;
            }
            long delay = BASE_DELAY_MILLIS * failures.size() + (long) (Math.random() * BASE_DELAY_MILLIS);
            executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
            return true;
        }

        /** A conflict anywhere in the cause chain, and fewer than {@link #MAX_RETRIES} failures so far. */
        static boolean shouldRetry(Throwable failure, int failuresSoFar) {
            if (failuresSoFar > MAX_RETRIES) {
                return false;
            }
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ConcurrencyException) {
                    return true;
                }
            }
            return false;
        }
    }
}
