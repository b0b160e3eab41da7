package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.query.platform.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Date;
import java.util.Optional;

/**
 * The {@code chats} collection: one summary document per chat. Written only by {@link ChatsProjector}; every
 * update is idempotent (inserts only set fields on insert, sequences only move forward with {@code $max}).
 */
@Repository
public class Chats {

    public static final String COLLECTION = "chats";

    /** What a reader needs of a chat summary. */
    public record ChatSummary(String chatId, String organizationId, String environmentId, String userId,
                              long lastSequence) {
    }

    private final MongoTemplate mongo;

    public Chats(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("lastActivityAt", Sort.Direction.DESC).named("organization_activity"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("userId", Sort.Direction.ASC).named("user"));
    }

    /** Applies one chat-events record (other event types are ignored). Idempotent. */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record).ifPresent(envelope -> {
            if (envelope.payload() instanceof ChatEvent event) {
                apply(envelope, event);
            }
        });
    }

    void apply(EventEnvelope envelope, ChatEvent event) {
        Query byId = Query.query(Criteria.where("_id").is(event.chatId().value()));
        Update update = new Update()
                .setOnInsert("organizationId", event.organizationId().value())
                .setOnInsert("userId", event.userId().value())
                .max("lastSequence", envelope.sequence())
                .max("lastActivityAt", Date.from(envelope.occurredAt()));
        if (event instanceof ChatOpened opened) {
            update.setOnInsert("environmentId", opened.environmentId().value())
                    .setOnInsert("openedAt", Date.from(envelope.occurredAt()));
        }
        mongo.upsert(byId, update, COLLECTION);
    }

    public Optional<ChatSummary> find(String chatId) {
        Document doc = mongo.findById(chatId, Document.class, COLLECTION);
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new ChatSummary(doc.getString("_id"), doc.getString("organizationId"),
                doc.getString("environmentId"), doc.getString("userId"),
                ((Number) doc.getOrDefault("lastSequence", 0L)).longValue()));
    }
}
