package com.fastlightchat.command.chat;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final OrganizationId OTHER_ORG = new OrganizationId("org_2");
    private static final EnvironmentId ENV = new EnvironmentId("env_1");
    private static final ChatId CHAT = new ChatId("ch_1");
    private static final UserId USER = new UserId("usr_1");
    private static final ChatOpened OPENED = new ChatOpened(ORG, CHAT, ENV, USER, Actor.user(USER.value()));

    private AggregateTestFixture<Chat> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Chat.class);
    }

    private static PostMessage post(String messageId, String clientMessageId, Actor author, String text) {
        return new PostMessage(CHAT, ORG, new MessageId(messageId), new ClientMessageId(clientMessageId), author,
                Visibility.PUBLIC, MessageContent.text(text));
    }

    private static MessagePosted posted(String messageId, String clientMessageId, Actor author, String text) {
        return new MessagePosted(ORG, CHAT, USER, new MessageId(messageId), new ClientMessageId(clientMessageId),
                author, Visibility.PUBLIC, MessageContent.text(text));
    }

    @Test
    void givenNothing_whenUserOpensChat_thenChatOpened() {
        fixture.givenNoPriorActivity()
                .when(new OpenChat(CHAT, ORG, ENV, USER, Actor.user(USER.value())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED);
    }

    @Test
    void givenOpenChat_whenUserPosts_thenMessagePostedAtSequenceTwo() {
        fixture.given(OPENED)
                .when(post("msg_1", "cm_1", Actor.user(USER.value()), "hello"))
                .expectEvents(posted("msg_1", "cm_1", Actor.user(USER.value()), "hello"))
                .expectResultMessagePayload(new PostMessage.Receipt("ch_1", "msg_1", 2, false));
    }

    @Test
    void givenPostedMessage_whenSameClientMessageIdPostedAgain_thenOriginalReturnedAndNothingAppended() {
        fixture.given(OPENED, posted("msg_1", "cm_1", Actor.user(USER.value()), "hello"))
                .when(post("msg_2", "cm_1", Actor.user(USER.value()), "hello"))
                .expectNoEvents()
                .expectResultMessagePayload(new PostMessage.Receipt("ch_1", "msg_1", 2, true));
    }

    @Test
    void givenOpenChat_whenAnotherUserPosts_thenNotFound() {
        fixture.given(OPENED)
                .when(post("msg_1", "cm_1", Actor.user("usr_other"), "hi"))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("chat not found");
    }

    @Test
    void givenOpenChat_whenCallerOfAnotherOrganizationPosts_thenNotFound() {
        fixture.given(OPENED)
                .when(new PostMessage(CHAT, OTHER_ORG, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                        Actor.agent("ag_x"), Visibility.PUBLIC, MessageContent.text("hi")))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("chat not found");
    }

    @Test
    void givenOpenChat_whenBlankText_thenRejectedNamingText() {
        fixture.given(OPENED)
                .when(post("msg_1", "cm_1", Actor.user(USER.value()), "  "))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("must not be blank");
    }

    @Test
    void givenOpenChat_whenTextTooLong_thenRejected() {
        fixture.given(OPENED)
                .when(post("msg_1", "cm_1", Actor.user(USER.value()), "x".repeat(Chat.MAX_TEXT_LENGTH + 1)))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void givenOpenChat_whenUserWritesInternalNote_thenRejected() {
        fixture.given(OPENED)
                .when(new PostMessage(CHAT, ORG, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                        Actor.user(USER.value()), Visibility.INTERNAL, MessageContent.text("psst")))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void givenOpenChat_whenAgentWritesInternalNote_thenPosted() {
        var note = new PostMessage(CHAT, ORG, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                Actor.agent("ag_1"), Visibility.INTERNAL, MessageContent.text("VIP customer"));
        fixture.given(OPENED)
                .when(note)
                .expectEvents(new MessagePosted(ORG, CHAT, USER, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                        Actor.agent("ag_1"), Visibility.INTERNAL, MessageContent.text("VIP customer")));
    }
}
