package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.query.chat.web.MessagePages;
import com.fastlightchat.query.rebuild.Checksums;
import com.fastlightchat.testservers.Isolation;
import com.fastlightchat.testservers.TestServers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Chats} and {@link Messages} on a real Mongo server: every chat event delivered twice, and older events
 * redelivered after newer ones, leave exactly the documents that one delivery of each leaves.
 */
class ChatProjectionsIT {

    static final Isolation ISOLATION = TestServers.shared().isolate(ChatProjectionsIT.class);
    static final MongoClient CLIENT = MongoClients.create(ISOLATION.servers().mongoUri());

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void givenEveryChatEventTwiceAndOlderRedeliveries_whenProjected_thenSameDocumentsAsEachOnce() {
        List<EventEnvelope> events = ChatSummaryTest.everything().events();
        MongoTemplate once = template("once");
        MongoTemplate messy = template("messy");
        Consumer<EventEnvelope> onceProjection = projection(once);
        Consumer<EventEnvelope> messyProjection = projection(messy);
        events.forEach(onceProjection);
        for (int i = 0; i < events.size(); i++) {
            messyProjection.accept(events.get(i));
            messyProjection.accept(events.get(i));
            messyProjection.accept(events.get(i / 2));
        }
        for (String collection : List.of(Chats.COLLECTION, Messages.COLLECTION)) {
            assertThat(checksums(messy, collection)).as(collection).isEqualTo(checksums(once, collection)).isNotEmpty();
        }

        Document edited = once.getCollection(Messages.COLLECTION).find(new Document("_id", "m3")).first();
        assertThat(edited.getString("text")).isEqualTo("Let me check that for you");
        assertThat(edited.getString("visibility")).isEqualTo("PUBLIC");
        assertThat(edited.getDate("editedAt")).isNotNull();
        Document deleted = once.getCollection(Messages.COLLECTION).find(new Document("_id", "m4")).first();
        assertThat(deleted.getBoolean("deleted")).isTrue();
        assertThat(deleted.containsKey("text")).isFalse();
        assertThat(deleted.getList("attachments", Document.class)).isEmpty();
        assertThat(new Chats(once, EnvelopeCodec.PLAIN).find("ch_1")).hasValue(ChatSummaryTest.replay(events));
        assertThat(new Chats(messy, EnvelopeCodec.PLAIN).lastSequence("ch_1")).isEqualTo(events.size());
        assertThat(new Messages(messy, EnvelopeCodec.PLAIN).position("ch_1")).isEqualTo(events.size());
        assertThat(new Messages(messy, EnvelopeCodec.PLAIN).position("ch_unknown")).isZero();
    }

    @Test
    void givenMessagesProjectedBehindTheChat_whenAPageIsRead_thenItSaysItIsCompleteOnlyUpToTheMessages() {
        List<EventEnvelope> events = ChatSummaryTest.everything().events();
        MongoTemplate template = template("lagging");
        Chats chats = new Chats(template, EnvelopeCodec.PLAIN);
        Messages messages = new Messages(template, EnvelopeCodec.PLAIN);
        MessagePages pages = new MessagePages(chats, messages);
        events.forEach(envelope -> chats.project(ChatStory.record(envelope)));
        int projected = events.size() / 2;
        events.subList(0, projected).forEach(envelope -> messages.project(ChatStory.record(envelope)));

        var lagging = pages.page("ch_1", new MessagePages.PageRequest(0L, null, 200, 0, 0), chat -> true, true).getBody();
        events.subList(projected, events.size()).forEach(envelope -> messages.project(ChatStory.record(envelope)));
        var caughtUp = pages.page("ch_1", new MessagePages.PageRequest(0L, null, 200, 0, 0), chat -> true, true).getBody();

        assertThat(lagging.lastSequence()).isEqualTo(events.get(projected - 1).sequence());
        assertThat(lagging.messages()).allSatisfy(message -> assertThat(message.sequence()).isLessThan(projected + 1L));
        assertThat(caughtUp.lastSequence()).isEqualTo(events.size());
    }

    private static MongoTemplate template(String name) {
        return new MongoTemplate(CLIENT, ISOLATION.mongoDatabase() + "_" + name);
    }

    private static Consumer<EventEnvelope> projection(MongoTemplate template) {
        Chats chats = new Chats(template, EnvelopeCodec.PLAIN);
        Messages messages = new Messages(template, EnvelopeCodec.PLAIN);
        return envelope -> {
            chats.project(ChatStory.record(envelope));
            messages.project(ChatStory.record(envelope));
        };
    }

    private static Map<String, String> checksums(MongoTemplate template, String collection) {
        Map<String, String> sums = new TreeMap<>();
        template.getCollection(collection).find().forEach(doc -> sums.put(doc.getString("_id"), Checksums.of(doc)));
        return sums;
    }
}
