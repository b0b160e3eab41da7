package com.fastlightchat.edge.privacy;

import com.fastlightchat.edge.RealtimeEdgeProperties;
import com.fastlightchat.edge.stream.ErasureHandler;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.privacy.CachingSubjectKeys;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.privacy.RemoteSubjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.time.Duration;

/**
 * The edge opens message texts and file names with the end user's key, fetched from the command side's internal
 * endpoint ({@code flc.edge.command-base-url}, {@code flc.edge.service-token}) and remembered for ten minutes (at
 * most 100,000 users). Keys of connecting users are fetched ahead, in batches ({@link KeyWarmer}); those a polled
 * batch of events still lacks are fetched in one call before it is read, retried for up to ten seconds (a busy
 * command side answers slowly). A look-up waits at most three seconds; for one second after the key service failed,
 * single look-ups fail at once, and only events whose keys stayed unavailable reach clients as placeholders. Every
 * erasure notice makes this instance forget the user's key at once.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    CachingSubjectKeys subjectKeys(RealtimeEdgeProperties properties) {
        if (properties.serviceToken() == null || properties.serviceToken().isBlank()) {
            log.warn("flc.edge.service-token is not set: messages reach clients without their content");
        }
        return new CachingSubjectKeys(new RemoteSubjectKeys(properties.commandBaseUrl(), properties.serviceToken(),
                Duration.ofSeconds(3)), 100_000, Duration.ofMinutes(10), Duration.ofSeconds(1), System::nanoTime);
    }

    @Bean(destroyMethod = "close")
    KeyWarmer keyWarmer(CachingSubjectKeys keys) {
        return new KeyWarmer(keys, Duration.ofMillis(100));
    }

    @Bean
    EnvelopeCodec envelopeCodec(CachingSubjectKeys keys) {
        return EnvelopeCodec.sealing(new PersonalDataCipher(keys));
    }

    /** First of the erasure handlers: the key is out of use before anything else happens. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ErasureHandler forgetErasedKeys(CachingSubjectKeys keys) {
        return erased -> keys.markErased(erased.userId().value());
    }
}
