package com.fastlightchat.command.platform;

import com.fastlightchat.kernel.envelope.KernelJson;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon wiring: JSON (Jackson 3) everywhere, and event handlers that never swallow a failure. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * Our kernel's JSON mapping for events, commands and Axon's own objects (tokens, metadata). Polymorphic
     * typing is limited to Axon's, our own and {@code java.util} types.
     */
    @Bean
    Jackson3SerializerCustomizer kernelJsonForAxon() {
        return builder -> KernelJson.configure(builder).polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("com.fastlightchat.")
                        .allowIfSubType("java.util.")
                        .build());
    }

    /**
     * By default Axon logs and skips an event whose handler fails. Here a failure propagates instead: a
     * subscribing handler rolls back the command's transaction, and a tracking processor (the Kafka publisher)
     * backs off and retries the same event, so no event is ever skipped.
     */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
