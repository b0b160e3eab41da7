package com.fastlightchat.query.chat;

import com.fastlightchat.kernel.event.UnreadMessages;
import com.fastlightchat.kernel.envelope.EventEnvelope;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Priority;
import com.fastlightchat.kernel.event.ChatEvent.ReopenReason;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.query.chat.ChatSummary.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox summary as a pure function of a chat's events. */
class ChatSummaryTest {

    static final Instant START = Instant.parse("2026-11-22T09:00:00.123456Z");
    static final UserId USER = new UserId("usr_1");

    static ChatStory story() {
        return new ChatStory(new OrganizationId("org_1"), new EnvironmentId("env_1"), "ch_1", USER, START,
                Duration.ofSeconds(1)).opened();
    }

    /** A chat that goes through every kind of event. */
    static ChatStory everything() {
        return story()
                .userSays("m1", "Hello, my invoice is wrong")
                .note("ag_1", "m2", "premium customer")
                .assigned("ag_1", "team_billing")
                .tagged("billing").tagged("invoice").untagged("invoice")
                .priority(Priority.HIGH, Priority.NORMAL)
                .agentSays("ag_1", "m3", "Let me check")
                .edited("m3", Actor.agent("ag_1"), "Let me check that for you")
                .readByUser(10)
                .botSays("m4", "Rate us")
                .deleted("m4", new Actor(Actor.Kind.BOT, "bot_1"))
                .snoozed(START.plus(Duration.ofHours(2)))
                .reopened(ReopenReason.SNOOZE_ENDED)
                .userSays("m5", "Any news?")
                .readByAgent("ag_2", 16)
                .closed()
                .reopened(ReopenReason.AGENT)
                .unassigned("ag_1")
                .transferred(new UserId("usr_member"));
    }

    static ChatSummary replay(List<EventEnvelope> events) {
        ChatSummary summary = null;
        for (EventEnvelope event : events) {
            summary = ChatSummary.next(summary, event);
        }
        return summary;
    }

    @Test
    void givenEveryEventTwiceAndOlderRedeliveries_whenApplied_thenSameSummaryAsEachOnce() {
        List<EventEnvelope> events = everything().events();
        ChatSummary once = replay(events);
        ChatSummary summary = null;
        for (int i = 0; i < events.size(); i++) {
            summary = ChatSummary.next(summary, events.get(i));
            summary = ChatSummary.next(summary, events.get(i));
            for (int older = 0; older < i; older++) {
                assertThat(ChatSummary.next(summary, events.get(older))).isSameAs(summary);
            }
        }
        assertThat(summary).isEqualTo(once);
        assertThat(once.lastSequence()).isEqualTo(events.size());
    }

    @Test
    void givenChatThroughEveryEvent_whenSummarized_thenInboxRowReflectsTheLatestFacts() {
        ChatSummary chat = replay(everything().events());
        assertThat(chat.userId()).isEqualTo("usr_member");
        assertThat(chat.environmentId()).isEqualTo("env_1");
        assertThat(chat.state()).isEqualTo(State.OPEN);
        assertThat(chat.assigneeId()).isNull();
        assertThat(chat.teamId()).isNull();
        assertThat(chat.tags()).containsExactly("billing");
        assertThat(chat.priority()).isEqualTo(Priority.HIGH);
        assertThat(chat.lastMessage().messageId()).isEqualTo("m5");
        assertThat(chat.unreadForAgents()).isEmpty();
        assertThat(chat.unreadForUser()).isEmpty();
        assertThat(chat.cycle()).isEqualTo(2);
        assertThat(chat.closedAt()).isNull();
        assertThat(chat.openedAt()).isEqualTo(START.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void givenNewChat_whenAgentRepliesPublicly_thenWaitingEndsAndFirstResponseIsRecordedOnce() {
        ChatStory story = story().userSays("m1", "hi");
        ChatSummary waiting = replay(story.events());
        assertThat(waiting.waitingSince()).isEqualTo(waiting.openedAt());
        assertThat(waiting.firstResponseAt()).isNull();

        story.note("ag_1", "m2", "internal").botSays("m3", "an agent will answer soon");
        assertThat(replay(story.events()).waitingSince()).isEqualTo(waiting.openedAt());

        story.agentSays("ag_1", "m4", "hello");
        Instant firstReply = story.lastAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        story.agentSays("ag_2", "m5", "anything else?");
        ChatSummary answered = replay(story.events());
        assertThat(answered.waitingSince()).isNull();
        assertThat(answered.firstResponseAt()).isEqualTo(firstReply);
    }

    @Test
    void givenClosedChat_whenReopened_thenNewCycleWaitsFromTheReopen() {
        ChatStory story = story().agentSays("ag_1", "m1", "hello").closed();
        ChatSummary closed = replay(story.events());
        assertThat(closed.state()).isEqualTo(State.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(closed.lastActivityAt());
        assertThat(closed.waitingSince()).isNull();

        story.reopened(ReopenReason.USER_MESSAGE);
        ChatSummary reopened = replay(story.events());
        assertThat(reopened.state()).isEqualTo(State.OPEN);
        assertThat(reopened.cycle()).isEqualTo(2);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.reopenedAt()).isEqualTo(reopened.lastActivityAt());
        assertThat(reopened.waitingSince()).isEqualTo(reopened.reopenedAt());
        assertThat(reopened.firstResponseAt()).isEqualTo(closed.firstResponseAt());
    }

    @Test
    void givenSnoozedChat_whenSnoozeEnds_thenOpenAgainInTheSameCycle() {
        Instant until = START.plus(Duration.ofDays(1));
        ChatStory story = story().snoozed(until);
        ChatSummary snoozed = replay(story.events());
        assertThat(snoozed.state()).isEqualTo(State.SNOOZED);
        assertThat(snoozed.snoozedUntil()).isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        ChatSummary woken = replay(story.reopened(ReopenReason.SNOOZE_ENDED).events());
        assertThat(woken.state()).isEqualTo(State.OPEN);
        assertThat(woken.snoozedUntil()).isNull();
        assertThat(woken.cycle()).isEqualTo(1);
        assertThat(woken.waitingSince()).isEqualTo(woken.openedAt());
    }

    @Test
    void givenMessagesBothWays_whenReadMarksMove_thenUnreadCountsFollowTheHighestMark() {
        ChatStory story = story()
                .userSays("m1", "one")          // 2
                .userSays("m2", "two")          // 3
                .agentSays("ag_1", "m3", "hi")  // 4
                .note("ag_1", "m4", "note")     // 5
                .botSays("m5", "bot");          // 6
        ChatSummary before = replay(story.events());
        assertThat(before.unreadForAgents()).extracting(UnreadMessages.Unread::messageId).containsExactly("m1", "m2");
        assertThat(before.unreadForUser()).extracting(UnreadMessages.Unread::messageId).containsExactly("m3", "m5");

        story.readByAgent("ag_1", 2).readByAgent("ag_2", 3).readByAgent("ag_1", 2).readByUser(4);
        ChatSummary after = replay(story.events());
        assertThat(after.unreadForAgents()).isEmpty();
        assertThat(after.agentsReadUpTo()).isEqualTo(3);
        assertThat(after.unreadForUser()).extracting(UnreadMessages.Unread::messageId).containsExactly("m5");

        ChatSummary deleted = replay(story.deleted("m5", new Actor(Actor.Kind.BOT, "bot_1")).events());
        assertThat(deleted.unreadForUser()).isEmpty();
    }

    @Test
    void givenLongLastMessage_whenEditedAndDeleted_thenPreviewFollowsIt() {
        String longText = "x".repeat(139) + "\uD83D\uDE00" + "tail";
        ChatStory story = story().userSays("m1", "first").userSays("m2", longText).note("ag_1", "m3", "note");
        ChatSummary chat = replay(story.events());
        assertThat(chat.lastMessage().messageId()).isEqualTo("m2");
        assertThat(chat.lastMessage().text()).isEqualTo("x".repeat(139));
        assertThat(chat.lastMessage().authorKind()).isEqualTo(Actor.Kind.USER);
        assertThat(chat.lastMessage().sequence()).isEqualTo(3);

        story.edited("m1", Actor.user("usr_1"), "older message edited");
        assertThat(replay(story.events()).lastMessage().text()).isEqualTo("x".repeat(139));

        story.edited("m2", Actor.user("usr_1"), "short now");
        ChatSummary edited = replay(story.events());
        assertThat(edited.lastMessage().text()).isEqualTo("short now");
        assertThat(edited.lastMessage().editedAt()).isNotNull();
        assertThat(edited.lastActivityAt()).isEqualTo(chat.lastActivityAt());

        ChatSummary deleted = replay(story.deleted("m2", Actor.user("usr_1")).events());
        assertThat(deleted.lastMessage().deleted()).isTrue();
        assertThat(deleted.lastMessage().text()).isNull();
    }

    @Test
    void givenAssignments_whenReassignedAndUnassigned_thenAgentAndTeamFollow() {
        ChatStory story = story().assigned("ag_1", "team_a");
        assertThat(replay(story.events())).extracting(ChatSummary::assigneeId, ChatSummary::teamId)
                .containsExactly("ag_1", "team_a");
        story.assigned(null, "team_b");
        assertThat(replay(story.events())).extracting(ChatSummary::assigneeId, ChatSummary::teamId)
                .containsExactly(null, "team_b");
        story.tagged("vip").tagged("vip");
        assertThat(replay(story.events()).tags()).containsExactly("vip");
    }
}
