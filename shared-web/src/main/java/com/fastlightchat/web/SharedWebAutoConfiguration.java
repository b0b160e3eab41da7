package com.fastlightchat.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.lettuce.core.ClientOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Brings the shared HTTP conventions into every service that has this module on its class path: problems, caller
 * resolution, API docs, CORS, security headers, the body size limit, the SDK origin check (when the service tells
 * the allowed origins of a plugin key) and rate limits (when the service has Redis).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(WebProperties.class)
@Import({ProblemResponses.class, Callers.class, ApiDocs.class, CrossOrigin.class, InputStrings.class,
        SharedWebAutoConfiguration.Limits.class})
public class SharedWebAutoConfiguration {

    @Bean
    SecurityHeaders securityHeaders(WebProperties properties) {
        return new SecurityHeaders(properties.hstsMaxAge());
    }

    @Bean
    BodySizeLimit bodySizeLimit(WebProperties properties) {
        return new BodySizeLimit(properties.maxBodySize().toBytes());
    }

    /** Tomcat's own refusals (before our code runs) as problems too. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    ProblemReportValve.Installer problemReportValve() {
        return new ProblemReportValve.Installer();
    }

    @Bean
    @ConditionalOnBean(SdkOrigins.class)
    SdkOriginCheck sdkOriginCheck(SdkOrigins origins) {
        return new SdkOriginCheck(origins);
    }

    /** Rate limits, kept in Redis so that every instance of the service shares them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StringRedisTemplate.class)
    @ConditionalOnBean(StringRedisTemplate.class)
    @ConditionalOnProperty(name = "flc.web.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    static class Limits {

        @Bean
        RateLimits rateLimits(StringRedisTemplate redis, WebProperties properties,
                              @Value("${spring.application.name:service}") String service,
                              ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            FailOpenRedis guard = new FailOpenRedis("rate-limits", properties.rateLimit().redisRetry(), meters);
            RateLimiter limiter = new RateLimiter(redis, guard);
            limiter.connect();
            return new RateLimits(limiter, properties.rateLimit(), service, meters);
        }

        @Bean
        AddressRateLimit addressRateLimit(RateLimits limits) {
            return new AddressRateLimit(limits);
        }

        /**
         * While Redis is disconnected, commands fail at once instead of queueing until the command timeout, so a
         * security check that falls open does not make requests wait.
         */
        @Bean
        LettuceClientOptionsBuilderCustomizer failFastWhenRedisIsDisconnected() {
            return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        }
    }
}
