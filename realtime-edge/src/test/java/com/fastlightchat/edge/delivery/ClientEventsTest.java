package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
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

    @Test
    void givenPublicMessage_whenMapped_thenChatRoomGetsTheDocumentedWireJson() throws Exception {
        var delivery = ClientEvents.of(envelope(7, message(Visibility.PUBLIC, new ClientMessageId("cm_1"),
                Actor.agent("ag_1")))).orElseThrow();

        assertThat(delivery.room()).isEqualTo("chat:ch_1");
        assertThat(wireJson(delivery.body())).isEqualTo("""
                {"v":1,"type":"message.posted","eventId":"ev_7","chatId":"ch_1","sequence":7,\
                "occurredAt":"2025-03-01T10:15:30.250Z","message":{"messageId":"msg_1","clientMessageId":"cm_1",\
                "author":{"kind":"agent","id":"ag_1"},"text":"Hello","attachments":[{"key":"org_1/ch_1/att_1.pdf",\
                "fileName":"invoice.pdf","contentType":"application/pdf","size":2048}]}}""");
    }

    @Test
    void givenMessageWithoutClientMessageId_whenMapped_thenTheFieldIsLeftOut() throws Exception {
        var delivery = ClientEvents.of(envelope(2, message(Visibility.PUBLIC, null, Actor.system()))).orElseThrow();

        assertThat(delivery.body().get("message")).asInstanceOf(MAP).doesNotContainKey("clientMessageId");
        assertThat(wireJson(delivery.body())).doesNotContain("clientMessageId")
                .contains("\"author\":{\"kind\":\"system\",\"id\":\"system\"}");
    }

    @Test
    void givenInternalNote_whenMapped_thenNothingReachesTheSdk() {
        assertThat(ClientEvents.of(envelope(3, message(Visibility.INTERNAL, new ClientMessageId("cm_2"),
                Actor.agent("ag_1"))))).isEmpty();
    }

    @Test
    void givenChatOpened_whenMapped_thenTheUsersRoomGetsIt() throws Exception {
        var delivery = ClientEvents.of(envelope(1, new ChatOpened(ORG, CHAT, ENV, USER, Actor.user("usr_1"))))
                .orElseThrow();

        assertThat(delivery.room()).isEqualTo("user:usr_1");
        assertThat(wireJson(delivery.body())).isEqualTo("""
                {"v":1,"type":"chat.opened","eventId":"ev_1","chatId":"ch_1","sequence":1,\
                "occurredAt":"2025-03-01T10:15:30.250Z","openedBy":{"kind":"user","id":"usr_1"}}""");
    }

    @Test
    void givenEventEndUsersNeedNot_whenMapped_thenNothingIsEmitted() {
        assertThat(ClientEvents.of(envelope(1, new UserBooted(ORG, USER, ENV, "veil_1")))).isEmpty();
    }

    /** Exactly what netty-socketio's own mapper puts on the wire. */
    private static String wireJson(Object body) throws Exception {
        var buffer = Unpooled.buffer();
        new JacksonJsonSupport().writeValue(new ByteBufOutputStream(buffer), body);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
