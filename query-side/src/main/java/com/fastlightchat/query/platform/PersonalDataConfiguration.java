package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import com.fastlightchat.query.QuerySideProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

/**
 * Opening end users' personal data in the events this service reads: keys from the command side's internal endpoint
 * ({@code flc.query.command-base-url}, {@code flc.query.service-token}), fetched a polled batch at a time ({@link SealedKeyPrefetch}) or one user at a time, remembered for ten
 * minutes (at most 100,000 users). The read models that show personal data (messages, inbox rows, users) decode with
 * {@link #envelopeCodec}; the audit trail opens what it serves with fresh keys per request.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    /** How long a key (or the news that it was erased) is remembered. */
    public static final Duration KEY_TTL = Duration.ofMinutes(10);
    public static final int MAX_KEYS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    RemoteSubjectKeys remoteSubjectKeys(QuerySideProperties properties) {
        if (properties.serviceToken() == null || properties.serviceToken().isBlank()) {
            log.warn("flc.query.service-token is not set: events with personal data cannot be projected until it is");
        }
        return new RemoteSubjectKeys(properties.commandBaseUrl(), properties.serviceToken(), Duration.ofSeconds(5));
    }

    @Bean
    CachingSubjectKeys subjectKeys(RemoteSubjectKeys remote) {
        return new CachingSubjectKeys(remote, MAX_KEYS, KEY_TTL);
    }

    /** Every consumer of the projections fetches the keys a polled batch needs in one call ({@link SealedKeyPrefetch}). */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer sealedKeyPrefetch(CachingSubjectKeys keys) {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, SealedKeyPrefetch.class.getName(),
                SealedKeyPrefetch.KEYS_CONFIG, keys));
    }

    @Bean
    PersonalDataCipher personalDataCipher(CachingSubjectKeys keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    EnvelopeCodec envelopeCodec(PersonalDataCipher cipher) {
        return EnvelopeCodec.sealing(cipher);
    }
}
