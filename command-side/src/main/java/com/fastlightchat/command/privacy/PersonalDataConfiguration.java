package com.fastlightchat.command.privacy;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one cipher of this service (Axon's serializers and the Kafka publisher use it) and the sealing codec. */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }

    /** Envelopes as published: personal data sealed with each user's key. */
    @Bean
    EnvelopeCodec envelopeCodec(PersonalDataCipher cipher) {
        return EnvelopeCodec.sealing(cipher);
    }
}
