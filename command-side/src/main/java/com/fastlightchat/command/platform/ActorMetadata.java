package com.fastlightchat.command.platform;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.auth.IntegrationIdentity;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.auth.SdkIdentity;
import com.fastlightchat.web.Callers;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who did it: every command dispatched while serving an HTTP request carries its caller in metadata
 * ({@code actor} = {@code agent:<id>}, {@code user:<id>}, {@code integration:<api key>}, {@code sdk:<environment>}),
 * and Axon copies it onto every event the command causes, next to the causation and correlation ids. Commands
 * from timers and processes carry no actor (the system). The audit trail reads it from the event store.
 */
@Configuration(proxyBeanMethods = false)
public class ActorMetadata {

    public static final String ACTOR = "actor";

    /** Causation/correlation ids (Axon's) and the actor, on every event. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    /** Stamps commands with the caller of the current request. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorStamp() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    String actor = currentActor();
                    return actor == null || command.getMetaData().containsKey(ACTOR)
                            ? command : command.andMetaData(Map.of(ACTOR, actor));
                };
            }
        };
    }

    static String currentActor() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object caller = request == null ? null
                : request.getAttribute(Callers.CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return switch (caller) {
            case AgentIdentity agent -> "agent:" + agent.agentId();
            case SdkIdentity user -> "user:" + user.userId();
            case IntegrationIdentity integration -> "integration:" + integration.apiKey();
            case EnvironmentRef environment -> "sdk:" + environment.environmentId();
            case null, default -> null;
        };
    }
}
