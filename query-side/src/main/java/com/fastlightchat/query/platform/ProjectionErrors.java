package com.fastlightchat.query.platform;

import com.fastlightchat.kernel.envelope.MalformedEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How projectors react to a failure. A transient one (database down) is retried with back-off for as long as it
 * takes, without committing the offset, so no event is lost. An event this build cannot read (malformed, or a
 * type from a newer producer) cannot succeed by retrying; it is logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrors {

    @Bean
    CommonErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
