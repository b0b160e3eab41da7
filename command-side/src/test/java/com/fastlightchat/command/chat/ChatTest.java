package com.fastlightchat.command.chat;

import com.fastlightchat.command.privacy.ErasedUsers;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.AssignmentReason;
import com.fastlightchat.kernel.event.ChatEvent.ChatAssigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.ChatOpened;
import com.fastlightchat.kernel.event.ChatEvent.ChatPriorityChanged;
import com.fastlightchat.kernel.event.ChatEvent.ChatQueued;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.ChatReopened;
import com.fastlightchat.kernel.event.ChatEvent.ChatSnoozed;
import com.fastlightchat.kernel.event.ChatEvent.ChatTagged;
import com.fastlightchat.kernel.event.ChatEvent.ChatTransferred;
import com.fastlightchat.kernel.event.ChatEvent.ChatUnassigned;
import com.fastlightchat.kernel.event.ChatEvent.ChatUntagged;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessageEdited;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.event.ChatEvent.QueueReason;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.MessageContent;
import com.fastlightchat.kernel.id.AgentId;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.ClientMessageId;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.MessageId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.TeamId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.kernel.id.InvalidIdException;
import com.fastlightchat.web.Rejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class ChatTest {

    private static final OrganizationId ORG = new OrganizationId("org_1");
    private static final OrganizationId OTHER_ORG = new OrganizationId("org_2");
    private static final EnvironmentId ENV = new EnvironmentId("env_1");
    private static final ChatId CHAT = new ChatId("ch_1");
    private static final UserId USER = new UserId("usr_1");
    private static final ChatOpened OPENED = new ChatOpened(ORG, CHAT, ENV, USER, Actor.user(USER.value()));
    private static final Actor ME = Actor.user(USER.value());
    private static final Actor AGENT = Actor.agent("ag_1");
    private static final Actor OTHER_AGENT = Actor.agent("ag_2");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-01T12:00:00Z");

    private AggregateTestFixture<Chat> fixture;
    /** Users whose personal data was erased, as the command side's key table says. */
    private final java.util.Set<UserId> erased = new java.util.HashSet<>();
    private final ErasedUsers erasedUsers = erased::contains;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Chat.class);
        fixture.registerInjectableResource(erasedUsers);
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

    // --- posting, reopening by a user's message

    @Test
    void givenUserAndAgentUseSameClientMessageId_whenBothPost_thenTwoMessages() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"))
                .when(post("msg_2", "cm_1", AGENT, "hi there"))
                .expectEvents(posted("msg_2", "cm_1", AGENT, "hi there"))
                .expectResultMessagePayload(new PostMessage.Receipt("ch_1", "msg_2", 3, false));
    }

    @Test
    void givenMessageWithAttachmentOnly_whenPosted_thenAccepted() {
        var content = new MessageContent("", List.of(new MessageContent.Attachment("k/1.png", "1.png", "image/png", 10)));
        fixture.given(OPENED)
                .when(new PostMessage(CHAT, ORG, new MessageId("msg_1"), new ClientMessageId("cm_1"), AGENT,
                        Visibility.PUBLIC, content))
                .expectEvents(new MessagePosted(ORG, CHAT, USER, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                        AGENT, Visibility.PUBLIC, content));
    }

    @Test
    void givenClosedChat_whenUserPosts_thenChatReopensThenMessagePosted() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(post("msg_1", "cm_1", ME, "still there?"))
                .expectEvents(new ChatReopened(ORG, CHAT, USER, ReopenReason.USER_MESSAGE, ME),
                        posted("msg_1", "cm_1", ME, "still there?"))
                .expectResultMessagePayload(new PostMessage.Receipt("ch_1", "msg_1", 4, false));
    }

    @Test
    void givenSnoozedChat_whenUserPosts_thenChatReopensThenMessagePosted() {
        fixture.given(OPENED, new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT))
                .when(post("msg_1", "cm_1", ME, "hello?"))
                .expectEvents(new ChatReopened(ORG, CHAT, USER, ReopenReason.USER_MESSAGE, ME),
                        posted("msg_1", "cm_1", ME, "hello?"));
    }

    @Test
    void givenClosedChat_whenAgentPosts_thenChatStaysClosed() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(post("msg_1", "cm_1", AGENT, "one more thing"))
                .expectEvents(posted("msg_1", "cm_1", AGENT, "one more thing"));
    }

    @Test
    void givenUserMessageThatReopenedChat_whenRetried_thenNothingAppended() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT),
                        new ChatReopened(ORG, CHAT, USER, ReopenReason.USER_MESSAGE, ME), posted("msg_1", "cm_1", ME, "hi"))
                .when(post("msg_2", "cm_1", ME, "hi"))
                .expectNoEvents()
                .expectResultMessagePayload(new PostMessage.Receipt("ch_1", "msg_1", 4, true));
    }

    @Test
    void givenOpenChat_whenBotWritesInternalNote_thenRejectedNamingVisibility() {
        fixture.given(OPENED)
                .when(new PostMessage(CHAT, ORG, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                        new Actor(Actor.Kind.BOT, "env_1"), Visibility.INTERNAL, MessageContent.text("psst")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "visibility"));
    }

    // --- erased end users

    @Test
    void givenErasedUser_whenAnyoneOpensAChatWithThem_thenConflictAndNothingRecorded() {
        erased.add(USER);

        fixture.givenNoPriorActivity()
                .when(new OpenChat(CHAT, ORG, ENV, USER, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    @Test
    void givenChatOfErasedUser_whenAgentPosts_thenConflictAndNothingRecorded() {
        erased.add(USER);

        fixture.given(OPENED)
                .when(post("msg_1", "cm_1", AGENT, "are you still there?"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    @Test
    void givenChatOfErasedUser_whenAnEarlierPostIsRetried_thenTheOriginalIsAnsweredAsBefore() {
        erased.add(USER);

        fixture.given(OPENED, posted("msg_1", "cm_1", AGENT, "hello"))
                .when(post("msg_1", "cm_1", AGENT, "hello"))
                .expectNoEvents()
                .expectResultMessagePayload(new PostMessage.Receipt("ch_1", "msg_1", 2, true));
    }

    @Test
    void givenChatOfErasedUser_whenAuthorEdits_thenConflictAndNothingRecorded() {
        erased.add(USER);

        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), ME, MessageContent.text("bye")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "userId"));
    }

    @Test
    void givenChatOfErasedUser_whenAMessageIsDeleted_thenItIsStillDeleted() {
        erased.add(USER);

        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"))
                .when(new DeleteMessage(CHAT, ORG, new MessageId("msg_1"), ME))
                .expectEvents(new MessageDeleted(ORG, CHAT, USER, new MessageId("msg_1"), ME, Visibility.PUBLIC));
    }

    // --- edit and delete

    @Test
    void givenOwnMessage_whenAuthorEdits_thenMessageEditedWithNewContentAndItsVisibility() {
        fixture.given(OPENED, note("msg_1", "cm_1", "VIP"))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), AGENT, MessageContent.text("VIP, be kind")))
                .expectEvents(new MessageEdited(ORG, CHAT, USER, new MessageId("msg_1"), AGENT, Visibility.INTERNAL,
                        MessageContent.text("VIP, be kind")))
                .expectResultMessagePayload(new ChatReceipt("ch_1", 3));
    }

    @Test
    void givenOwnMessage_whenEditedToTheSameText_thenNothingAppended() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), ME, MessageContent.text("hello")))
                .expectNoEvents()
                .expectResultMessagePayload(new ChatReceipt("ch_1", 2));
    }

    @Test
    void givenEditedMessage_whenEditedBackToTheFirstText_thenMessageEdited() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"), new MessageEdited(ORG, CHAT, USER,
                        new MessageId("msg_1"), ME, Visibility.PUBLIC, MessageContent.text("hullo")))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), ME, MessageContent.text("hello")))
                .expectEvents(new MessageEdited(ORG, CHAT, USER, new MessageId("msg_1"), ME, Visibility.PUBLIC,
                        MessageContent.text("hello")));
    }

    @Test
    void givenAnotherAgentsMessage_whenEdited_thenForbidden() {
        fixture.given(OPENED, posted("msg_1", "cm_1", AGENT, "hello"))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), OTHER_AGENT, MessageContent.text("hijacked")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    @Test
    void givenInternalNote_whenUserTriesToDeleteIt_thenNotFound() {
        fixture.given(OPENED, note("msg_1", "cm_1", "VIP"))
                .when(new DeleteMessage(CHAT, ORG, new MessageId("msg_1"), ME))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenUnknownMessage_whenEdited_thenNotFound() {
        fixture.given(OPENED)
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_9"), ME, MessageContent.text("x")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenOwnMessage_whenEditedToBlank_thenRejectedNamingText() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), ME, MessageContent.text(" ")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "text"));
    }

    @Test
    void givenOwnMessage_whenAuthorDeletes_thenMessageDeleted() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "oops"))
                .when(new DeleteMessage(CHAT, ORG, new MessageId("msg_1"), ME))
                .expectEvents(new MessageDeleted(ORG, CHAT, USER, new MessageId("msg_1"), ME, Visibility.PUBLIC))
                .expectResultMessagePayload(new ChatReceipt("ch_1", 3));
    }

    @Test
    void givenDeletedMessage_whenDeletedAgain_thenNothingAppended() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "oops"),
                        new MessageDeleted(ORG, CHAT, USER, new MessageId("msg_1"), ME, Visibility.PUBLIC))
                .when(new DeleteMessage(CHAT, ORG, new MessageId("msg_1"), ME))
                .expectNoEvents();
    }

    @Test
    void givenDeletedMessage_whenEdited_thenConflict() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "oops"),
                        new MessageDeleted(ORG, CHAT, USER, new MessageId("msg_1"), ME, Visibility.PUBLIC))
                .when(new EditMessage(CHAT, ORG, new MessageId("msg_1"), ME, MessageContent.text("fixed")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "messageId"));
    }

    @Test
    void givenAnotherUsersMessage_whenDeleted_thenForbidden() {
        fixture.given(OPENED, posted("msg_1", "cm_1", AGENT, "hello"))
                .when(new DeleteMessage(CHAT, ORG, new MessageId("msg_1"), ME))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.FORBIDDEN, null));
    }

    // --- read marks

    @Test
    void givenChatWithTwoEvents_whenUserReadsUpToTwo_thenChatReadByUser() {
        fixture.given(OPENED, posted("msg_1", "cm_1", AGENT, "hello"))
                .when(new MarkChatRead(CHAT, ORG, ME, 2))
                .expectEvents(new ChatReadByUser(ORG, CHAT, USER, 2))
                .expectResultMessagePayload(new ChatReceipt("ch_1", 3));
    }

    @Test
    void givenUserReadUpToTwo_whenUserReadsUpToTwoOrOne_thenNothingAppended() {
        fixture.given(OPENED, posted("msg_1", "cm_1", AGENT, "hello"), new ChatReadByUser(ORG, CHAT, USER, 2))
                .when(new MarkChatRead(CHAT, ORG, ME, 1))
                .expectNoEvents()
                .expectResultMessagePayload(new ChatReceipt("ch_1", 3));
    }

    @Test
    void givenChatWithTwoEvents_whenReadBeyondLastSequence_thenRejectedNamingUpTo() {
        fixture.given(OPENED, posted("msg_1", "cm_1", AGENT, "hello"))
                .when(new MarkChatRead(CHAT, ORG, AGENT, 3))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "upTo"));
    }

    @Test
    void givenOneAgentsReadMark_whenAnotherAgentReads_thenChatReadByThatAgent() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"),
                        new ChatReadByAgent(ORG, CHAT, USER, new AgentId("ag_1"), 2))
                .when(new MarkChatRead(CHAT, ORG, OTHER_AGENT, 2))
                .expectEvents(new ChatReadByAgent(ORG, CHAT, USER, new AgentId("ag_2"), 2));
    }

    @Test
    void givenAgentReadUpToTwo_whenSameAgentReadsUpToTwo_thenNothingAppended() {
        fixture.given(OPENED, posted("msg_1", "cm_1", ME, "hello"),
                        new ChatReadByAgent(ORG, CHAT, USER, new AgentId("ag_1"), 2))
                .when(new MarkChatRead(CHAT, ORG, AGENT, 2))
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnotherOrganization_whenAgentMarksRead_thenNotFound() {
        fixture.given(OPENED)
                .when(new MarkChatRead(CHAT, OTHER_ORG, AGENT, 1))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- assignment

    @Test
    void givenUnassignedChat_whenAssignedToAgentAndTeam_thenChatAssigned() {
        fixture.given(OPENED)
                .when(new AssignChat(CHAT, ORG, new AgentId("ag_2"), "team_1", AssignmentReason.MANUAL, AGENT))
                .expectEvents(new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), "team_1", AssignmentReason.MANUAL,
                        AGENT))
                .expectResultMessagePayload(new ChatReceipt("ch_1", 2));
    }

    @Test
    void givenAssignedChat_whenAssignedTheSameAgain_thenNothingAppended() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), null, AssignmentReason.MANUAL, AGENT))
                .when(new AssignChat(CHAT, ORG, new AgentId("ag_2"), null, AssignmentReason.MANUAL, AGENT))
                .expectNoEvents();
    }

    @Test
    void givenAssignedChat_whenAssignedToATeamOnly_thenChatAssignedWithoutAgent() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), null, AssignmentReason.MANUAL, AGENT))
                .when(new AssignChat(CHAT, ORG, null, "team_1", AssignmentReason.REQUEUED, Actor.system()))
                .expectEvents(new ChatAssigned(ORG, CHAT, USER, null, "team_1", AssignmentReason.REQUEUED,
                        Actor.system()));
    }

    @Test
    void givenChat_whenAssignedToNobody_thenRejectedNamingAgentId() {
        fixture.given(OPENED)
                .when(new AssignChat(CHAT, ORG, null, null, AssignmentReason.MANUAL, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "agentId"));
    }

    @Test
    void givenChat_whenAssignedToMalformedTeamId_thenRejected() {
        fixture.given(OPENED)
                .when(new AssignChat(CHAT, ORG, null, "team 1", AssignmentReason.MANUAL, AGENT))
                .expectNoEvents()
                .expectException(InvalidIdException.class);
    }

    @Test
    void givenAssignedChat_whenUnassigned_thenChatUnassignedNamingThePrevious() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), "team_1", AssignmentReason.AUTO_ROUND_ROBIN,
                        Actor.system()))
                .when(new UnassignChat(CHAT, ORG, AssignmentReason.MANUAL, AGENT))
                .expectEvents(new ChatUnassigned(ORG, CHAT, USER, new AgentId("ag_2"), "team_1", AssignmentReason.MANUAL,
                        AGENT));
    }

    @Test
    void givenUnassignedChat_whenUnassigned_thenNothingAppended() {
        fixture.given(OPENED)
                .when(new UnassignChat(CHAT, ORG, AssignmentReason.MANUAL, AGENT))
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnotherOrganization_whenAssigned_thenNotFound() {
        fixture.given(OPENED)
                .when(new AssignChat(CHAT, OTHER_ORG, new AgentId("ag_9"), null, AssignmentReason.MANUAL, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- automatic assignment: queue, routing decisions, re-queue

    private static final TeamId TEAM = new TeamId("team_1");
    private static final AgentId ROUTED = new AgentId("ag_3");

    private static ChatQueued queued(TeamId team) {
        return new ChatQueued(ORG, CHAT, USER, team, QueueReason.CHAT_OPENED, Actor.system());
    }

    private static AssignChat routed(String team) {
        return new AssignChat(CHAT, ORG, ROUTED, team, AssignmentReason.AUTO_ROUND_ROBIN, Actor.system());
    }

    @Test
    void givenOpenUnassignedChat_whenAgentRequestsAutoAssignmentForTeam_thenChatQueued() {
        fixture.given(OPENED)
                .when(new QueueChat(CHAT, ORG, TEAM, QueueReason.REQUESTED, AGENT))
                .expectEvents(new ChatQueued(ORG, CHAT, USER, TEAM, QueueReason.REQUESTED, AGENT));
    }

    @Test
    void givenChatQueuedForTeam_whenQueuedForTheSameTeamAgain_thenNothingAppended() {
        fixture.given(OPENED, queued(TEAM))
                .when(new QueueChat(CHAT, ORG, TEAM, QueueReason.REQUESTED, AGENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenChatQueuedForTeam_whenQueuedForAnyAgent_thenQueuedAgainWithoutTeam() {
        fixture.given(OPENED, queued(TEAM))
                .when(new QueueChat(CHAT, ORG, null, QueueReason.TEAM_DELETED, Actor.system()))
                .expectEvents(new ChatQueued(ORG, CHAT, USER, null, QueueReason.TEAM_DELETED, Actor.system()));
    }

    @Test
    void givenAssignedChat_whenAutoAssignmentRequested_thenNothingAppended() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), null, AssignmentReason.MANUAL,
                        AGENT))
                .when(new QueueChat(CHAT, ORG, null, QueueReason.REQUESTED, AGENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenClosedChat_whenAgentRequestsAutoAssignment_thenConflict() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(new QueueChat(CHAT, ORG, null, QueueReason.REQUESTED, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "status"));
    }

    @Test
    void givenClosedChat_whenRoutingQueuesItOnReopenTooLate_thenNothingAppended() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(new QueueChat(CHAT, ORG, null, QueueReason.CHAT_REOPENED, Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnotherOrganization_whenAutoAssignmentRequested_thenNotFound() {
        fixture.given(OPENED)
                .when(new QueueChat(CHAT, OTHER_ORG, null, QueueReason.REQUESTED, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenQueuedChat_whenRoutingAssignsIt_thenChatAssignedRoundRobinWithTheTeam() {
        fixture.given(OPENED, queued(TEAM))
                .when(routed(TEAM.value()))
                .expectEvents(new ChatAssigned(ORG, CHAT, USER, ROUTED, TEAM.value(),
                        AssignmentReason.AUTO_ROUND_ROBIN, Actor.system()));
    }

    @Test
    void givenChatAssignedByRouting_whenTheSameDecisionIsRetried_thenNothingAppended() {
        fixture.given(OPENED, queued(null), new ChatAssigned(ORG, CHAT, USER, ROUTED, null,
                        AssignmentReason.AUTO_ROUND_ROBIN, Actor.system()))
                .when(routed(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenChatNotQueued_whenRoutingAssignsIt_thenNothingAppended() {
        fixture.given(OPENED)
                .when(routed(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenQueuedChatAssignedByHand_whenRoutingAssignsIt_thenNothingAppended() {
        fixture.given(OPENED, queued(null), new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), null,
                        AssignmentReason.MANUAL, AGENT))
                .when(routed(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenChatQueuedForAnotherTeam_whenRoutingAssignsIt_thenNothingAppended() {
        fixture.given(OPENED, queued(null))
                .when(routed(TEAM.value()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenQueuedChatClosed_whenRoutingAssignsIt_thenNothingAppended() {
        fixture.given(OPENED, queued(null), new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(routed(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnAgentWhoWentAway_whenRequeued_thenUnassignedAsRequeuedAndQueuedForItsTeam() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, ROUTED, TEAM.value(),
                        AssignmentReason.AUTO_ROUND_ROBIN, Actor.system()))
                .when(new RequeueChat(CHAT, ORG, ROUTED))
                .expectEvents(new ChatUnassigned(ORG, CHAT, USER, ROUTED, TEAM.value(), AssignmentReason.REQUEUED,
                                Actor.system()),
                        new ChatQueued(ORG, CHAT, USER, TEAM, QueueReason.AGENT_UNAVAILABLE, Actor.system()));
    }

    @Test
    void givenChatOfAnotherAgent_whenRequeuedForTheAgentWhoWentAway_thenNothingAppended() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, new AgentId("ag_2"), null, AssignmentReason.MANUAL,
                        AGENT))
                .when(new RequeueChat(CHAT, ORG, ROUTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenClosedChatOfTheAgent_whenRequeued_thenNothingAppended() {
        fixture.given(OPENED, new ChatAssigned(ORG, CHAT, USER, ROUTED, null, AssignmentReason.MANUAL, AGENT),
                        new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(new RequeueChat(CHAT, ORG, ROUTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- snooze, wake-up, close, reopen

    @Test
    void givenOpenChat_whenSnoozedUntilLater_thenChatSnoozed() {
        fixture.given(OPENED)
                .when(new SnoozeChat(CHAT, ORG, LATER, NOW, AGENT))
                .expectEvents(new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT));
    }

    @Test
    void givenSnoozedChat_whenSnoozedUntilTheSameTime_thenNothingAppended() {
        fixture.given(OPENED, new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT))
                .when(new SnoozeChat(CHAT, ORG, LATER, NOW, AGENT))
                .expectNoEvents();
    }

    @Test
    void givenSnoozedChat_whenSnoozedUntilAnotherTime_thenChatSnoozedAgain() {
        Instant evenLater = LATER.plusSeconds(3600);
        fixture.given(OPENED, new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT))
                .when(new SnoozeChat(CHAT, ORG, evenLater, NOW, AGENT))
                .expectEvents(new ChatSnoozed(ORG, CHAT, USER, evenLater, AGENT));
    }

    @Test
    void givenOpenChat_whenSnoozedIntoThePast_thenRejectedNamingUntil() {
        fixture.given(OPENED)
                .when(new SnoozeChat(CHAT, ORG, NOW, NOW, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "until"));
    }

    @Test
    void givenOpenChat_whenSnoozedMoreThanAYear_thenRejectedNamingUntil() {
        fixture.given(OPENED)
                .when(new SnoozeChat(CHAT, ORG, NOW.plus(Chat.MAX_SNOOZE).plusSeconds(1), NOW, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "until"));
    }

    @Test
    void givenClosedChat_whenSnoozed_thenConflict() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(new SnoozeChat(CHAT, ORG, LATER, NOW, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "status"));
    }

    @Test
    void givenSnoozedChat_whenItsDeadlineWakesIt_thenChatReopenedBySnoozeEnd() {
        fixture.given(OPENED, new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT))
                .when(new WakeChat(CHAT, LATER))
                .expectEvents(new ChatReopened(ORG, CHAT, USER, ReopenReason.SNOOZE_ENDED, Actor.system()));
    }

    @Test
    void givenChatSnoozedAgainUntilLater_whenTheFirstDeadlineWakesIt_thenNothingAppended() {
        fixture.given(OPENED, new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT),
                        new ChatSnoozed(ORG, CHAT, USER, LATER.plusSeconds(60), AGENT))
                .when(new WakeChat(CHAT, LATER))
                .expectNoEvents();
    }

    @Test
    void givenSnoozedChatReopenedByAgent_whenItsDeadlineWakesIt_thenNothingAppended() {
        fixture.given(OPENED, new ChatSnoozed(ORG, CHAT, USER, LATER, AGENT),
                        new ChatReopened(ORG, CHAT, USER, ReopenReason.AGENT, AGENT))
                .when(new WakeChat(CHAT, LATER))
                .expectNoEvents();
    }

    @Test
    void givenOpenChat_whenClosed_thenChatClosed() {
        fixture.given(OPENED)
                .when(new CloseChat(CHAT, ORG, AGENT))
                .expectEvents(new ChatClosed(ORG, CHAT, USER, AGENT));
    }

    @Test
    void givenClosedChat_whenClosedAgain_thenNothingAppended() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(new CloseChat(CHAT, ORG, OTHER_AGENT))
                .expectNoEvents();
    }

    @Test
    void givenClosedChat_whenAgentReopens_thenChatReopenedByAgent() {
        fixture.given(OPENED, new ChatClosed(ORG, CHAT, USER, AGENT))
                .when(new ReopenChat(CHAT, ORG, AGENT))
                .expectEvents(new ChatReopened(ORG, CHAT, USER, ReopenReason.AGENT, AGENT));
    }

    @Test
    void givenOpenChat_whenReopened_thenNothingAppended() {
        fixture.given(OPENED)
                .when(new ReopenChat(CHAT, ORG, AGENT))
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnotherOrganization_whenClosed_thenNotFound() {
        fixture.given(OPENED)
                .when(new CloseChat(CHAT, OTHER_ORG, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    // --- tags and priority

    @Test
    void givenChat_whenTagged_thenChatTagged() {
        fixture.given(OPENED)
                .when(new TagChat(CHAT, ORG, "billing", AGENT))
                .expectEvents(new ChatTagged(ORG, CHAT, USER, "billing", AGENT));
    }

    @Test
    void givenTaggedChat_whenTaggedTheSame_thenNothingAppended() {
        fixture.given(OPENED, new ChatTagged(ORG, CHAT, USER, "billing", AGENT))
                .when(new TagChat(CHAT, ORG, "billing", OTHER_AGENT))
                .expectNoEvents();
    }

    @Test
    void givenChat_whenTaggedWithBadTag_thenRejectedNamingTag() {
        fixture.given(OPENED)
                .when(new TagChat(CHAT, ORG, "-Billing!", AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "tag"));
    }

    @Test
    void givenChatWithTwentyTags_whenTaggedOnceMore_thenRejectedNamingTag() {
        List<Object> history = new ArrayList<>(List.of(OPENED));
        for (int i = 0; i < Chat.MAX_TAGS; i++) {
            history.add(new ChatTagged(ORG, CHAT, USER, "tag-" + i, AGENT));
        }
        fixture.given(history)
                .when(new TagChat(CHAT, ORG, "one-too-many", AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "tag"));
    }

    @Test
    void givenTaggedChat_whenUntagged_thenChatUntagged() {
        fixture.given(OPENED, new ChatTagged(ORG, CHAT, USER, "billing", AGENT))
                .when(new UntagChat(CHAT, ORG, "billing", AGENT))
                .expectEvents(new ChatUntagged(ORG, CHAT, USER, "billing", AGENT));
    }

    @Test
    void givenUntaggedChat_whenUntagged_thenNothingAppended() {
        fixture.given(OPENED)
                .when(new UntagChat(CHAT, ORG, "billing", AGENT))
                .expectNoEvents();
    }

    @Test
    void givenNormalChat_whenPriorityChangedToUrgent_thenChatPriorityChangedFromNormal() {
        fixture.given(OPENED)
                .when(new ChangeChatPriority(CHAT, ORG, Priority.URGENT, AGENT))
                .expectEvents(new ChatPriorityChanged(ORG, CHAT, USER, Priority.URGENT, Priority.NORMAL, AGENT));
    }

    @Test
    void givenNormalChat_whenPriorityChangedToNormal_thenNothingAppended() {
        fixture.given(OPENED)
                .when(new ChangeChatPriority(CHAT, ORG, Priority.NORMAL, AGENT))
                .expectNoEvents();
    }

    @Test
    void givenChat_whenPriorityMissing_thenRejectedNamingPriority() {
        fixture.given(OPENED)
                .when(new ChangeChatPriority(CHAT, ORG, null, AGENT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "priority"));
    }

    // --- transfer to another user

    @Test
    void givenChatOfUserOne_whenTransferredToUserTwo_thenChatTransferredAndLaterEventsCarryUserTwo() {
        UserId newUser = new UserId("usr_2");
        fixture.given(OPENED)
                .when(new TransferChat(CHAT, ORG, USER, newUser))
                .expectEvents(new ChatTransferred(ORG, CHAT, newUser, USER));

        fixture.given(OPENED, new ChatTransferred(ORG, CHAT, newUser, USER))
                .when(post("msg_1", "cm_1", Actor.user("usr_2"), "hi, I logged in"))
                .expectEvents(new MessagePosted(ORG, CHAT, newUser, new MessageId("msg_1"), new ClientMessageId("cm_1"),
                        Actor.user("usr_2"), Visibility.PUBLIC, MessageContent.text("hi, I logged in")));
    }

    @Test
    void givenTransferredChat_whenTheFormerUserPosts_thenNotFound() {
        fixture.given(OPENED, new ChatTransferred(ORG, CHAT, new UserId("usr_2"), USER))
                .when(post("msg_1", "cm_1", ME, "hello"))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    @Test
    void givenChatAlreadyOfTheNewUser_whenTransferredAgain_thenNothingAppended() {
        fixture.given(OPENED, new ChatTransferred(ORG, CHAT, new UserId("usr_2"), USER))
                .when(new TransferChat(CHAT, ORG, USER, new UserId("usr_2")))
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnotherUser_whenTransferredFromAMismatchingUser_thenNothingAppended() {
        fixture.given(OPENED)
                .when(new TransferChat(CHAT, ORG, new UserId("usr_7"), new UserId("usr_2")))
                .expectNoEvents();
    }

    @Test
    void givenChatOfAnotherOrganization_whenTransferred_thenNotFound() {
        fixture.given(OPENED)
                .when(new TransferChat(CHAT, OTHER_ORG, USER, new UserId("usr_2")))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, null));
    }

    private static MessagePosted note(String messageId, String clientMessageId, String text) {
        return new MessagePosted(ORG, CHAT, USER, new MessageId(messageId), new ClientMessageId(clientMessageId),
                AGENT, Visibility.INTERNAL, MessageContent.text(text));
    }

    /** A rejection of the given kind naming the given field (or none). */
    private static Matcher<Rejection> rejection(Rejection.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.kind() == kind && java.util.Objects.equals(rejection.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection naming " + field);
            }
        };
    }
}
