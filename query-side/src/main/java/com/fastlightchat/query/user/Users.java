package com.fastlightchat.query.user;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.event.PersonProfile;
import com.fastlightchat.kernel.event.UserEvent.UserAttributesUpdated;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.event.UserEvent.UserProfileUpdated;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code users} collection: one document per end user. Written only by {@link UsersProjector}, from two streams
 * whose events are applied independently, so that two instances consuming them at once never lose each other's
 * writes:
 * <ul>
 *     <li>user events change the user's own fields, only when their sequence is above the document's
 *     {@code lastSequence};</li>
 *     <li>chat events ({@link ChatOpened}, {@link ChatTransferred}) change only {@code chats.<chatId>}
 *     ({@code {sequence, here}}), only when the chat's sequence is above the one recorded there — a chat that moved
 *     to another user stays behind as {@code here: false}, so an older redelivery cannot bring it back.</li>
 * </ul>
 * Lower-case copies of name, e-mail and member id under {@code search} make case-insensitive, index-backed search
 * possible without {@code $text}. Times come from the events ({@code createdAt} is the earliest user event's).
 * <p>
 * Profile, member id and attribute values are opened with the user's key. {@link UserErased} turns every one of them
 * that still says something into {@code [erased]} (so do the search copies) and sets {@code erased}: exactly what a
 * rebuild from the topics computes once the key is gone.
 */
@Repository
public class Users {

    public static final String COLLECTION = "users";
    /** The topics the model is built from. */
    public static final List<String> TOPICS = List.of(Topics.USER_EVENTS, Topics.CHAT_EVENTS);

    /** What the dashboard sees of an end user. */
    public record User(String userId, String organizationId, String environmentId, String name, String email,
                       String phone, String memberId, Map<String, Object> attributes, String mergedInto,
                       List<String> chatIds, Instant createdAt, Instant updatedAt, long lastSequence,
                       boolean erased) {
    }

    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final MongoTemplate mongo;
    private final EnvelopeCodec codec;

    /** @param codec opens personal data ({@link EnvelopeCodec#PLAIN} leaves sealed values as they are) */
    public Users(MongoTemplate mongo, EnvelopeCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        var indexes = mongo.indexOps(COLLECTION);
        for (String field : List.of("memberId", "name", "email")) {
            indexes.createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                    .on("search." + field, Sort.Direction.ASC).named("organization_" + field));
        }
    }

    /** Applies one user-events or chat-events record; idempotent and safe against older redeliveries. */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record, codec).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case UserBooted booted -> userChanged(envelope, new Update()
                        .set("environmentId", booted.environmentId().value()));
                case UserIdentified identified -> userChanged(envelope, new Update()
                        .set("environmentId", identified.environmentId().value())
                        .set("memberId", identified.memberId())
                        .set("search.memberId", lower(identified.memberId())));
                case UserMerged merged -> userChanged(envelope, new Update()
                        .set("mergedInto", merged.mergedInto().value()));
                case UserProfileUpdated updated -> userChanged(envelope, profile(updated.profile()));
                case UserAttributesUpdated updated -> userChanged(envelope, new Update()
                        .set("attributes", new Document(new LinkedHashMap<>(updated.attributes().values()))));
                case UserErased erased -> userChanged(envelope, erasure(envelope.aggregateId()));
                case ChatOpened opened -> chatHere(envelope, opened.userId().value(), true);
                case ChatTransferred transferred -> {
                    chatHere(envelope, transferred.userId().value(), true);
                    chatHere(envelope, transferred.previousUserId().value(), false);
                }
                default -> {
                }
            }
        });
    }

    private static Update profile(PersonProfile profile) {
        PersonProfile p = profile == null ? PersonProfile.EMPTY : profile;
        return new Update().set("profile", new Document("name", p.name()).append("email", p.email())
                        .append("phone", p.phone()))
                .set("search.name", lower(p.name()))
                .set("search.email", lower(p.email()));
    }

    /**
     * What the erasure changes: each personal value that still says something reads {@code [erased]}. Read, then
     * written with the sequence check: a user's own events come one at a time (one partition), and the chat events
     * written concurrently touch only {@code chats}.
     */
    private Update erasure(String userId) {
        Document doc = mongo.findById(userId, Document.class, COLLECTION);
        Document current = doc == null ? new Document() : doc;
        Update update = new Update().set("erased", true);
        Document profile = current.get("profile", Document.class);
        if (profile != null) {
            for (String field : List.of("name", "email", "phone")) {
                if (isPersonal(profile.get(field))) {
                    update.set("profile." + field, PersonalDataCipher.ERASED);
                    if (!field.equals("phone")) {
                        update.set("search." + field, lower(PersonalDataCipher.ERASED));
                    }
                }
            }
        }
        if (isPersonal(current.get("memberId"))) {
            update.set("memberId", PersonalDataCipher.ERASED).set("search.memberId", lower(PersonalDataCipher.ERASED));
        }
        Document attributes = current.get("attributes", Document.class);
        if (attributes != null) {
            Document erased = new Document();
            attributes.forEach((key, value) -> erased.put(key, isPersonal(value) ? PersonalDataCipher.ERASED : value));
            update.set("attributes", erased);
        }
        return update;
    }

    /** Whether a stored value still says something: not null, not empty, not already erased. */
    private static boolean isPersonal(Object value) {
        return value != null && !"".equals(value) && !PersonalDataCipher.ERASED.equals(value);
    }

    private void userChanged(EventEnvelope envelope, Update update) {
        String userId = envelope.aggregateId();
        ensure(userId, envelope.organizationId());
        Date at = Date.from(envelope.occurredAt());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("lastSequence").lt(envelope.sequence())),
                update.set("organizationId", envelope.organizationId()).set("updatedAt", at).min("createdAt", at)
                        .set("lastSequence", envelope.sequence()),
                COLLECTION);
    }

    private void chatHere(EventEnvelope envelope, String userId, boolean here) {
        ensure(userId, envelope.organizationId());
        String field = "chats." + envelope.aggregateId();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).orOperator(
                        Criteria.where(field).exists(false), Criteria.where(field + ".sequence").lt(envelope.sequence()))),
                new Update().set(field, new Document("sequence", envelope.sequence()).append("here", here)),
                COLLECTION);
    }

    /** The document exists (a chat may be seen before its user's first event); creating it twice is harmless. */
    private void ensure(String userId, String organizationId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)),
                new Update().setOnInsert("organizationId", organizationId).setOnInsert("lastSequence", 0L),
                COLLECTION);
    }

    public Optional<User> find(String organizationId, String userId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(userId)
                .and("organizationId").is(organizationId)), Document.class, COLLECTION)).map(Users::user);
    }

    /**
     * Up to {@code limit} users of the organization (not merged into another), by id, after {@code afterUserId}
     * (null: from the first). A non-blank {@code text} matches, ignoring case, a name or e-mail starting with it, or
     * exactly the member id.
     */
    public List<User> search(String organizationId, String text, String afterUserId, int limit) {
        Criteria criteria = Criteria.where("organizationId").is(organizationId).and("mergedInto").is(null);
        if (afterUserId != null) {
            criteria = criteria.and("_id").gt(afterUserId);
        }
        if (text != null && !text.isBlank()) {
            String wanted = lower(text.strip());
            String prefix = "^" + REGEX_SPECIAL.matcher(wanted).replaceAll("\\\\$0");
            criteria = criteria.orOperator(Criteria.where("search.name").regex(prefix),
                    Criteria.where("search.email").regex(prefix), Criteria.where("search.memberId").is(wanted));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.asc("_id"))).limit(limit), Document.class,
                COLLECTION).stream().map(Users::user).toList();
    }

    @SuppressWarnings("unchecked")
    private static User user(Document doc) {
        Document profile = doc.get("profile", new Document());
        Document chats = doc.get("chats", new Document());
        List<String> here = chats.entrySet().stream()
                .filter(e -> ((Document) e.getValue()).getBoolean("here", false))
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, Object> attributes = doc.get("attributes", Map.class);
        return new User(doc.getString("_id"), doc.getString("organizationId"), doc.getString("environmentId"),
                profile.getString("name"), profile.getString("email"), profile.getString("phone"),
                doc.getString("memberId"), attributes == null ? Map.of() : attributes, doc.getString("mergedInto"),
                here, instant(doc.getDate("createdAt")), instant(doc.getDate("updatedAt")),
                ((Number) doc.get("lastSequence")).longValue(), doc.getBoolean("erased", false));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
