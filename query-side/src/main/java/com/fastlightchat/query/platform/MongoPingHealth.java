package com.fastlightchat.query.platform;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which every server speaks: Spring Boot's own indicator sends {@code hello},
 * which the Mongo wire-protocol server used for local runs does not implement (so Boot's is switched off in
 * application.yml).
 */
@Component("mongoHealthIndicator")
public class MongoPingHealth implements HealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        return ((Number) answer.getOrDefault("ok", 0)).doubleValue() == 1.0
                ? Health.up().withDetail("database", mongo.getDb().getName()).build()
                : Health.down().withDetail("answer", answer.toJson()).build();
    }
}
