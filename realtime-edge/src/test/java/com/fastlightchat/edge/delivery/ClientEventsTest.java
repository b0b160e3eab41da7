package com.fastlightchat.edge.delivery;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fastlightchat.edge.delivery.ClientEvents.Audience;
import com.fastlightchat.edge.stream.EventRecords;
import com.fastlightchat.edge.stream.StreamedEvent;
import com.fastlightchat.kernel.envelope.EnvelopeCodec;
import com.fastlightchat.kernel.envelope.EventCodec;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatTagged;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

class ClientEventsTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final EnvironmentId ENV = new EnvironmentId("env_1");
    private static final UserId USER = new UserId("usr_1");
    private static final ChatId CHAT = new ChatId("ch_1");
    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.250Z");

    private static EventEnvelope envelope(long sequence, DomainEvent event) {
        return EventEnvelope.of("ev_" + sequence, sequence, AT, null, null, event);
    }

    private static MessagePosted message(Visibility visibility, ClientMessageId clientMessageId, Actor author) {
        return new MessagePosted(ORG, CHAT, USER, new MessageId("msg_1"), clientMessageId, author, visibility,
                new MessageContent("Hello", List.of(
                        new MessageContent.Attachment("org_1/ch_1/att_1.pdf", "invoice.pdf", "application/pdf", 2048L))));
    }

    private static Map<String, Object> asUser(EventEnvelope envelope) {
        return ClientEvents.render(StreamedEvent.of(envelope, EventCodec.encode(envelope)), Audience.USER);
    }

    private static Map<String, Object> asAgent(EventEnvelope envelope) {
        return ClientEvents.render(StreamedEvent.of(envelope, EventCodec.encode(envelope)), Audience.AGENT);
    }

    @Test
    void givenPublicMessage_whenRenderedForTheUser_thenTheWireJsonIsTheDocumentedOne() throws Exception {
        var body = asUser(envelope(7, message(Visibility.PUBLIC, new ClientMessageId("cm_1"), Actor.agent("ag_1"))));

        assertThat(wireJson(body)).isEqualTo("""
                {"v":1,"type":"message.posted","eventId":"ev_7","chatId":"ch_1","sequence":7,\
                "occurredAt":"2025-03-01T10:15:30.250Z","message":{"messageId":"msg_1","clientMessageId":"cm_1",\
                "author":{"kind":"agent","id":"ag_1"},"text":"Hello","attachments":[{"key":"org_1/ch_1/att_1.pdf",\
                "fileName":"invoice.pdf","contentType":"application/pdf","size":2048}]}}""");
    }

    @Test
    void givenMessageWithoutClientMessageId_whenRendered_thenTheFieldIsLeftOut() throws Exception {
        var body = asUser(envelope(2, message(Visibility.PUBLIC, null, Actor.system())));

        assertThat(body.get("message")).asInstanceOf(MAP).doesNotContainKey("clientMessageId");
        assertThat(wireJson(body)).doesNotContain("clientMessageId")
                .contains("\"author\":{\"kind\":\"system\",\"id\":\"system\"}");
    }

    @Test
    void givenInternalNote_whenRenderedForTheUser_thenOnlyAContentFreePlaceholderKeepsItsSequence() throws Exception {
        var body = asUser(envelope(3, message(Visibility.INTERNAL, new ClientMessageId("cm_2"), Actor.agent("ag_1"))));

        assertThat(wireJson(body)).isEqualTo("{\"v\":1,\"type\":\"hidden\",\"chatId\":\"ch_1\",\"sequence\":3}");
    }

    @Test
    void givenInternalNote_whenRenderedForAnAgent_thenItIsShownWithItsVisibility() throws Exception {
        var body = asAgent(envelope(3, message(Visibility.INTERNAL, new ClientMessageId("cm_2"), Actor.agent("ag_1"))));

        assertThat(body).containsEntry("type", "message.posted").containsEntry("visibility", "internal")
                .containsEntry("sequence", 3L);
        assertThat(wireJson(body)).contains("\"text\":\"Hello\"");
    }

    @Test
    void givenChatOpened_whenRendered_thenTheWireJsonIsTheDocumentedOne() throws Exception {
        var body = asUser(envelope(1, new ChatOpened(ORG, CHAT, ENV, USER, Actor.user("usr_1"))));

        assertThat(wireJson(body)).isEqualTo("""
                {"v":1,"type":"chat.opened","eventId":"ev_1","chatId":"ch_1","sequence":1,\
                "occurredAt":"2025-03-01T10:15:30.250Z","openedBy":{"kind":"user","id":"usr_1"}}""");
    }

    @Test
    void givenChatClosedByAgent_whenRendered_thenBothAudiencesSeeItWithItsData() throws Exception {
        var closed = envelope(5, new ChatClosed(ORG, CHAT, USER, Actor.agent("ag_1")));

        assertThat(wireJson(asUser(closed))).isEqualTo("""
                {"v":1,"type":"chat.closed","eventId":"ev_5","chatId":"ch_1","sequence":5,\
                "occurredAt":"2025-03-01T10:15:30.250Z","data":{"userId":"usr_1","closedBy":{"kind":"AGENT","id":"ag_1"}}}""");
        assertThat(asAgent(closed)).containsEntry("type", "chat.closed");
    }

    @Test
    void givenTagAdded_whenRendered_thenAgentsSeeTheTagAndUsersOnlyAPlaceholder() {
        var tagged = envelope(6, new ChatTagged(ORG, CHAT, USER, "vip", Actor.agent("ag_1")));

        assertThat(asUser(tagged)).isEqualTo(ClientEvents.hidden("ch_1", 6));
        assertThat(asAgent(tagged)).containsEntry("type", "chat.tagged")
                .extractingByKey("data", MAP).containsEntry("tag", "vip");
    }

    @Test
    void givenAssignment_whenRendered_thenUsersLearnOnlyWhichAgentAnswers() {
        var assigned = envelope(7, new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), "team_1",
                ChatEvent.AssignmentReason.AUTO_ROUND_ROBIN, Actor.system()));

        assertThat(asUser(assigned)).extractingByKey("data", MAP).isEqualTo(Map.of("agentId", "ag_2"));
        assertThat(asAgent(assigned)).extractingByKey("data", MAP)
                .containsEntry("teamId", "team_1").containsEntry("reason", "AUTO_ROUND_ROBIN");
    }

    @Test
    void givenEventOfATypeThisBuildDoesNotKnow_whenRendered_thenBothAudiencesGetAPlaceholder() {
        var unknown = new StreamedEvent("ch_1", "org_1", 9, null, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(ClientEvents.render(unknown, Audience.USER)).isEqualTo(ClientEvents.hidden("ch_1", 9));
        assertThat(ClientEvents.render(unknown, Audience.AGENT)).isEqualTo(ClientEvents.hidden("ch_1", 9));
    }

    @Test
    void givenPublishedRecordOfAnUnknownType_whenRead_thenItsChatAndSequenceSurvive() {
        byte[] raw = """
                {"eventId":"ev_1","type":"chat.from-a-newer-producer","version":1,"aggregateType":"chat","aggregateId":"ch_1",\
                "sequence":4,"organizationId":"org_1","occurredAt":"2025-03-01T10:15:30.250Z","payload":{}}"""
                .getBytes(StandardCharsets.UTF_8);

        var event = EventRecords.read(raw, EnvelopeCodec.PLAIN).orElseThrow();

        assertThat(event.known()).isFalse();
        assertThat(event.chatId()).isEqualTo("ch_1");
        assertThat(event.organizationId()).isEqualTo("org_1");
        assertThat(event.sequence()).isEqualTo(4);
    }

    @Test
    void givenEventOfAnotherAggregate_whenRead_thenItIsNotAChatEvent() {
        var booted = EventEnvelope.of("ev_1", 1, AT, null, null, new UserBooted(ORG, USER, ENV, "veil_1"));

        assertThat(EventRecords.read(EventCodec.encode(booted), EnvelopeCodec.PLAIN)).isEmpty();
    }

    /** Exactly what netty-socketio's own mapper puts on the wire. */
    private static String wireJson(Object body) throws Exception {
        var buffer = Unpooled.buffer();
        new JacksonJsonSupport().writeValue(new ByteBufOutputStream(buffer), body);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
