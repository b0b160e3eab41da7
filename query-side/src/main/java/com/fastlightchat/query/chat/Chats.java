package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.privacy.PersonalDataCipher;
import com.fastlightchat.kernel.topic.Topics;
import com.fastlightchat.query.chat.ChatSummary.State;
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
import java.util.List;
import java.util.Optional;

/**
 * The {@code chats} collection: one {@link ChatSummary} per chat, the agents' inbox. Written only by
 * {@link ChatsProjector}: each event is read-then-written (one partition, so one chat, is consumed by one thread)
 * and applied only when its sequence is above the document's, so duplicates and older redeliveries change nothing.
 * <p>
 * The last message's preview is opened with the end user's key. When the user is erased ({@link UserErased}) each of
 * their chats is marked in {@code chat_erasures} and its preview set to {@code [erased]} (what a rebuild then
 * computes); a row saved with a personal preview checks that mark afterwards, so a write racing with the erasure
 * cannot bring the text back.
 */
@Repository
public class Chats {

    public static final String COLLECTION = "chats";
    /** Chats whose end user was erased. */
    public static final String ERASURES = "chat_erasures";
    /** The topics the model is built from: the chats' events, and erasures of their users. */
    public static final List<String> TOPICS = List.of(Topics.CHAT_EVENTS, Topics.USER_EVENTS);
    private static final String PREVIEW = "lastMessage.text";

    /** Inbox folders; {@code MINE} is the caller's open chats, {@code UNASSIGNED} the open ones without an agent. */
    public enum Folder { MINE, UNASSIGNED, OPEN, SNOOZED, CLOSED, ALL }

    /**
     * What an inbox page holds. Null filters ({@code teamId}, {@code tag}, {@code assigneeId}) do not filter;
     * {@code callerAgentId} is whose {@link Folder#MINE} it is, where {@code assigneeId} is not used.
     */
    public record InboxFilter(String organizationId, Folder folder, String callerAgentId, String teamId, String tag,
                              String assigneeId) {
    }

    /** A position in the inbox order (last activity, newest first; then chat id, descending). */
    public record Position(Instant lastActivityAt, String chatId) {
    }

    /** How many chats each folder holds. */
    public record FolderCounts(long mine, long unassigned, long open, long snoozed, long closed) {
    }

    private final MongoTemplate mongo;
    private final EnvelopeCodec codec;

    /** @param codec opens personal data ({@link EnvelopeCodec#PLAIN} leaves sealed values as they are) */
    public Chats(MongoTemplate mongo, EnvelopeCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("lastActivityAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("organization_activity"));
        for (String field : List.of("state", "assigneeId", "teamId", "tags")) {
            indexes.createIndex(new Index().on("organizationId", Sort.Direction.ASC).on(field, Sort.Direction.ASC)
                    .on("lastActivityAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                    .named("organization_" + field + "_activity"));
        }
        indexes.createIndex(new Index().on("userId", Sort.Direction.ASC).named("user"));
    }

    /**
     * Applies one chat-events or user-events record (chat events and erased users matter). Idempotent and safe
     * against older redeliveries.
     */
    public void project(ConsumerRecord<String, byte[]> record) {
        EventRecords.decode(record, codec).ifPresent(envelope -> {
            if (envelope.payload() instanceof UserErased erased) {
                erased.chatIds().forEach(this::erase);
                return;
            }
            if (!(envelope.payload() instanceof ChatEvent)) {
                return;
            }
            ChatSummary current = mongo.findById(envelope.aggregateId(), ChatSummary.class, COLLECTION);
            ChatSummary next = ChatSummary.next(current, envelope);
            if (next != current) {
                mongo.save(next, COLLECTION);
                if (hasPersonalPreview(next) && mongo.exists(byId(next.chatId()), ERASURES)) {
                    scrubPreview(next.chatId());
                }
            }
        });
    }

    /** Marks the chat as erased, then makes its preview read as erased. Idempotent. */
    private void erase(ChatId chatId) {
        mongo.upsert(byId(chatId.value()), new Update().setOnInsert("erased", true), ERASURES);
        scrubPreview(chatId.value());
    }

    private void scrubPreview(String chatId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(chatId).and(PREVIEW)
                        .nin(null, "", PersonalDataCipher.ERASED)),
                new Update().set(PREVIEW, PersonalDataCipher.ERASED), COLLECTION);
    }

    private static boolean hasPersonalPreview(ChatSummary chat) {
        String text = chat.lastMessage() == null ? null : chat.lastMessage().text();
        return text != null && !text.isEmpty() && !PersonalDataCipher.ERASED.equals(text);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    public Optional<ChatSummary> find(String chatId) {
        return Optional.ofNullable(mongo.findById(chatId, ChatSummary.class, COLLECTION));
    }

    /** The chat's last applied sequence, 0 when it is not there yet (for read-your-writes). */
    public long lastSequence(String chatId) {
        Query query = Query.query(Criteria.where("_id").is(chatId));
        query.fields().include("lastSequence");
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return doc == null ? 0 : ((Number) doc.get("lastSequence")).longValue();
    }

    /**
     * Up to {@code limit} inbox rows by last activity, newest first, starting after {@code after} (the position of the
     * previous page's last row) or from the newest when it is null.
     */
    public List<ChatSummary> inbox(InboxFilter filter, Position after, int limit) {
        Criteria criteria = folder(filter.organizationId(), filter.folder(), filter.callerAgentId());
        if (filter.teamId() != null) {
            criteria = criteria.and("teamId").is(filter.teamId());
        }
        if (filter.tag() != null) {
            criteria = criteria.and("tags").is(filter.tag());
        }
        if (filter.assigneeId() != null && filter.folder() != Folder.MINE) {
            criteria = criteria.and("assigneeId").is(filter.assigneeId());
        }
        if (after != null) {
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("lastActivityAt").lt(after.lastActivityAt()),
                    Criteria.where("lastActivityAt").is(after.lastActivityAt()).and("chatId").lt(after.chatId())));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.desc("chatId")))
                .limit(limit);
        return mongo.find(query, ChatSummary.class, COLLECTION);
    }

    /** An end user's chats in one environment, most recent activity first, at most {@code limit}. */
    public List<ChatSummary> ofUser(String organizationId, String environmentId, String userId, int limit) {
        Query query = Query.query(Criteria.where("userId").is(userId).and("organizationId").is(organizationId)
                        .and("environmentId").is(environmentId))
                .with(Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.desc("chatId")))
                .limit(limit);
        return mongo.find(query, ChatSummary.class, COLLECTION);
    }

    /** The size of every folder of the organization; {@code mine} is the open chats assigned to {@code agentId}. */
    public FolderCounts counts(String organizationId, String agentId) {
        return new FolderCounts(count(folder(organizationId, Folder.MINE, agentId)),
                count(folder(organizationId, Folder.UNASSIGNED, agentId)),
                count(folder(organizationId, Folder.OPEN, agentId)),
                count(folder(organizationId, Folder.SNOOZED, agentId)),
                count(folder(organizationId, Folder.CLOSED, agentId)));
    }

    private long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), ChatSummary.class, COLLECTION);
    }

    private static Criteria folder(String organizationId, Folder folder, String callerAgentId) {
        Criteria criteria = Criteria.where("organizationId").is(organizationId);
        return switch (folder) {
            case MINE -> criteria.and("state").is(State.OPEN.name()).and("assigneeId").is(callerAgentId);
            case UNASSIGNED -> criteria.and("state").is(State.OPEN.name()).and("assigneeId").is(null);
            case OPEN -> criteria.and("state").is(State.OPEN.name());
            case SNOOZED -> criteria.and("state").is(State.SNOOZED.name());
            case CLOSED -> criteria.and("state").is(State.CLOSED.name());
            case ALL -> criteria;
        };
    }
}
