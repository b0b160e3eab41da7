package com.fastlightchat.command.platform;

import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
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
     * Our kernel's JSON mapping for events, commands and Axon's own objects (tokens, metadata), sealing end users'
     * personal data with their keys, so that the event store and snapshots never hold it in plain text. Polymorphic
     * typing is limited to Axon's, our own and {@code java.util} types.
     */
    @Bean
    Jackson3SerializerCustomizer kernelJsonForAxon(PersonalDataCipher personalData) {
        return builder -> KernelJson.configure(builder, personalData).polymorphicTypeValidator(
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
