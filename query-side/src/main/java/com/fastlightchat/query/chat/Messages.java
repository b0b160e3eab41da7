package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessageEdited;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.event.MessageContent.Attachment;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.topic.Topics;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code messages} collection: one document per message, keyed by message id, ordered within a chat by the
 * chat sequence of the event that posted it. Written only by {@link MessagesProjector}; a duplicate event only
 * re-sets what it set the first time, and an edit or delete applies only when its chat sequence is above the last one
 * applied to the message ({@code lastSequence}), so an older redelivery never undoes a newer change.
 * <p>
 * Texts and file names are opened with the end user's key; once the user is erased ({@link UserErased}) they read
 * {@code [erased]}, here exactly as in a rebuild from the topics: the erasure marks each chat of the user in
 * {@code message_erasures} and then scrubs its messages, and every write of personal content checks that mark
 * afterwards, so a message decoded with a key another thread still held is scrubbed too.
 */
@Repository
public class Messages {

    public static final String COLLECTION = "messages";
    /** Per chat, the last chat sequence this model has applied (whatever the event), for read-your-writes. */
    public static final String POSITIONS = "message_positions";
    /** Chats whose end user was erased (their messages' personal content must read as erased). */
    public static final String ERASURES = "message_erasures";
    /** The topics the model is built from: messages, and erasures of their users. */
    public static final List<String> TOPICS = List.of(Topics.CHAT_EVENTS, Topics.USER_EVENTS);

    /**
     * A message as served to readers; enum-like values in lower case, as in the realtime edge's client format. A
     * deleted message keeps its place in the chat but has no text and no attachments.
     *
     * @param editedAt when its author last replaced its content, or null
     */
    public record MessageView(String messageId, String chatId, long sequence, String clientMessageId,
                              Map<String, String> author, String visibility, String text,
                              List<Attachment> attachments, Instant createdAt, Instant editedAt, boolean deleted) {
    }

    private final MongoTemplate mongo;
    private final EnvelopeCodec codec;

    /** @param codec opens personal data ({@link EnvelopeCodec#PLAIN} leaves sealed values as they are) */
    public Messages(MongoTemplate mongo, EnvelopeCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chatId", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).unique().named("chat_sequence"));
    }

    /**
     * Applies one chat-events or user-events record (posted, edited and deleted messages, erased users matter here).
     * Idempotent.
     */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record, codec).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case MessagePosted posted -> {
                    apply(envelope, posted);
                    scrubIfErased(posted.chatId(), posted.messageId().value(), posted.content());
                }
                case MessageEdited edited -> {
                    change(envelope, edited.messageId().value(), new Update()
                            .set("text", edited.content().text())
                            .set("attachments", attachments(edited.content()))
                            .set("editedAt", Date.from(envelope.occurredAt())));
                    scrubIfErased(edited.chatId(), edited.messageId().value(), edited.content());
                }
                case MessageDeleted deleted -> change(envelope, deleted.messageId().value(), new Update()
                        .unset("text")
                        .set("attachments", List.of())
                        .set("deleted", true));
                case UserErased erased -> erased.chatIds().forEach(this::erase);
                default -> {
                }
            }
            if (envelope.payload() instanceof ChatEvent) {
                mongo.upsert(Query.query(Criteria.where("_id").is(envelope.aggregateId())),
                        new Update().max("lastSequence", envelope.sequence()), POSITIONS);
            }
        });
    }

    /** Marks the chat as erased, then makes every message's text and file names read as erased. Idempotent. */
    private void erase(ChatId chatId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(chatId.value())),
                new Update().setOnInsert("erased", true), ERASURES);
        mongo.find(Query.query(Criteria.where("chatId").is(chatId.value())), Document.class, COLLECTION)
                .forEach(this::scrub);
    }

    /** After a write of personal content: if the chat's user was erased meanwhile, that content goes too. */
    private void scrubIfErased(ChatId chatId, String messageId, MessageContent content) {
        boolean personal = isPersonal(content.text())
                || content.attachments().stream().anyMatch(a -> isPersonal(a.fileName()));
        if (personal && mongo.exists(Query.query(Criteria.where("_id").is(chatId.value())), ERASURES)) {
            Document message = mongo.findById(messageId, Document.class, COLLECTION);
            if (message != null) {
                scrub(message);
            }
        }
    }

    /** The message with what a rebuild after the erasure would hold: every non-empty text or file name erased. */
    private void scrub(Document message) {
        Update update = new Update();
        boolean changed = false;
        if (isPersonal(message.getString("text"))) {
            update.set("text", PersonalDataCipher.ERASED);
            changed = true;
        }
        List<Document> attachments = new ArrayList<>();
        for (Document attachment : message.getList("attachments", Document.class, List.of())) {
            Document copy = new Document(attachment);
            if (isPersonal(copy.getString("fileName"))) {
                copy.put("fileName", PersonalDataCipher.ERASED);
                changed = true;
            }
            attachments.add(copy);
        }
        if (changed) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(message.get("_id"))),
                    update.set("attachments", attachments), COLLECTION);
        }
    }

    /** Whether a stored value still says something (neither empty nor already erased). */
    private static boolean isPersonal(String value) {
        return value != null && !value.isEmpty() && !PersonalDataCipher.ERASED.equals(value);
    }

    /** The last sequence of the chat this model has applied, 0 before its first event. */
    public long position(String chatId) {
        Query query = Query.query(Criteria.where("_id").is(chatId));
        query.fields().include("lastSequence");
        Document doc = mongo.findOne(query, Document.class, POSITIONS);
        return doc == null ? 0 : ((Number) doc.get("lastSequence")).longValue();
    }

    private void apply(EventEnvelope envelope, MessagePosted event) {
        Update update = new Update()
                .setOnInsert("chatId", event.chatId().value())
                .setOnInsert("organizationId", event.organizationId().value())
                .setOnInsert("sequence", envelope.sequence())
                .setOnInsert("clientMessageId", event.clientMessageId().value())
                .setOnInsert("author", new Document("kind", event.author().kind().name()).append("id", event.author().id()))
                .setOnInsert("visibility", event.visibility().name())
                .setOnInsert("text", event.content().text())
                .setOnInsert("attachments", attachments(event.content()))
                .setOnInsert("createdAt", Date.from(envelope.occurredAt()))
                .setOnInsert("lastSequence", envelope.sequence());
        mongo.upsert(Query.query(Criteria.where("_id").is(event.messageId().value())), update, COLLECTION);
    }

    /** Changes an existing message, only if {@code envelope} is newer than the last event applied to it. */
    private void change(EventEnvelope envelope, String messageId, Update update) {
        // messages projected before edits existed have no lastSequence yet
        Query newer = Query.query(Criteria.where("_id").is(messageId).orOperator(
                Criteria.where("lastSequence").lt(envelope.sequence()), Criteria.where("lastSequence").exists(false)));
        mongo.updateFirst(newer, update.set("lastSequence", envelope.sequence()), COLLECTION);
    }

    private static List<Document> attachments(MessageContent content) {
        return content.attachments().stream()
                .map(a -> new Document("key", a.key()).append("fileName", a.fileName())
                        .append("contentType", a.contentType()).append("size", a.size()))
                .toList();
    }

    /**
     * Messages of a chat with a sequence above {@code afterSequence}, oldest first, at most {@code limit}.
     * {@code includeInternal} is false for end users: internal notes never reach them.
     */
    public List<MessageView> after(String chatId, long afterSequence, int limit, boolean includeInternal) {
        Criteria criteria = Criteria.where("chatId").is(chatId).and("sequence").gt(afterSequence);
        if (!includeInternal) {
            criteria = criteria.and("visibility").is(Visibility.PUBLIC.name());
        }
        Query query = Query.query(criteria).with(Sort.by("sequence")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(Messages::view).toList();
    }

    /** Up to {@code limit} messages just before {@code beforeSequence}, returned oldest first. */
    public List<MessageView> before(String chatId, long beforeSequence, int limit, boolean includeInternal) {
        Criteria criteria = Criteria.where("chatId").is(chatId).and("sequence").lt(beforeSequence);
        if (!includeInternal) {
            criteria = criteria.and("visibility").is(Visibility.PUBLIC.name());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(limit);
        List<MessageView> newestFirst = mongo.find(query, Document.class, COLLECTION).stream().map(Messages::view).toList();
        return newestFirst.reversed();
    }

    private static MessageView view(Document doc) {
        Document author = doc.get("author", Document.class);
        List<Attachment> attachments = doc.getList("attachments", Document.class, List.of()).stream()
                .map(a -> new Attachment(a.getString("key"), a.getString("fileName"), a.getString("contentType"),
                        ((Number) a.get("size")).longValue()))
                .toList();
        return new MessageView(doc.getString("_id"), doc.getString("chatId"),
                ((Number) doc.get("sequence")).longValue(), doc.getString("clientMessageId"),
                Map.of("kind", author.getString("kind").toLowerCase(Locale.ROOT), "id", author.getString("id")),
                doc.getString("visibility").toLowerCase(Locale.ROOT), doc.getString("text"), attachments,
                doc.getDate("createdAt").toInstant(),
                doc.getDate("editedAt") == null ? null : doc.getDate("editedAt").toInstant(),
                doc.getBoolean("deleted", false));
    }
}
