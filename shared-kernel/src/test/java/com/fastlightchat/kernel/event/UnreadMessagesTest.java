package com.fastlightchat.kernel.event;

import com.fastlightchat.kernel.event.ChatEvent.ChatReadByAgent;
import com.fastlightchat.kernel.event.ChatEvent.ChatReadByUser;
import com.fastlightchat.kernel.event.ChatEvent.ChatClosed;
import com.fastlightchat.kernel.event.ChatEvent.MessageDeleted;
import com.fastlightchat.kernel.event.ChatEvent.MessagePosted;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.event.UnreadMessages.Reader;
import com.fastlightchat.kernel.event.UnreadMessages.Unread;
import com.fastlightchat.kernel.id.MessageId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.fastlightchat.kernel.event.EventSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

class UnreadMessagesTest {

    static MessagePosted posted(String messageId, Actor author, Visibility visibility) {
        return new MessagePosted(ORGANIZATION, CHAT, USER, new MessageId(messageId), null, author, visibility,
                new MessageContent("hello", List.of()));
    }

    static final Actor AGENT_ACTOR = Actor.agent(AGENT.value());
    static final Actor USER_ACTOR = Actor.user(USER.value());

    @Test
    void givenAgentAndBotReplies_whenUserHasNotRead_thenBothCountForTheUserOnly() {
        UnreadMessages user = UnreadMessages.NONE
                .apply(Reader.USER, 2, posted("msg_a", AGENT_ACTOR, Visibility.PUBLIC))
                .apply(Reader.USER, 3, posted("msg_b", new Actor(Actor.Kind.BOT, "bot"), Visibility.PUBLIC))
                .apply(Reader.USER, 4, posted("msg_c", USER_ACTOR, Visibility.PUBLIC));
        UnreadMessages agents = UnreadMessages.NONE
                .apply(Reader.AGENTS, 2, posted("msg_a", AGENT_ACTOR, Visibility.PUBLIC))
                .apply(Reader.AGENTS, 4, posted("msg_c", USER_ACTOR, Visibility.PUBLIC));

        assertThat(user.messages()).containsExactly(new Unread(2, "msg_a"), new Unread(3, "msg_b"));
        assertThat(agents.messages()).containsExactly(new Unread(4, "msg_c"));
    }

    @Test
    void givenInternalNote_whenFolded_thenNobodyHasItUnread() {
        ChatEvent note = posted("msg_note", AGENT_ACTOR, Visibility.INTERNAL);
        assertThat(UnreadMessages.NONE.apply(Reader.USER, 2, note).count()).isZero();
        assertThat(UnreadMessages.NONE.apply(Reader.AGENTS, 2, note).count()).isZero();
    }

    @Test
    void givenReadMark_whenFolded_thenClearsUpToItAndLaterMessagesStillCount() {
        UnreadMessages user = UnreadMessages.NONE
                .apply(Reader.USER, 2, posted("msg_a", AGENT_ACTOR, Visibility.PUBLIC))
                .apply(Reader.USER, 3, posted("msg_b", AGENT_ACTOR, Visibility.PUBLIC))
                .apply(Reader.USER, 4, new ChatReadByUser(ORGANIZATION, CHAT, USER, 2))
                .apply(Reader.USER, 5, new ChatReadByAgent(ORGANIZATION, CHAT, USER, AGENT, 3));

        assertThat(user.readUpTo()).isEqualTo(2);
        assertThat(user.messages()).containsExactly(new Unread(3, "msg_b"));
        // an older read mark never moves it back
        assertThat(user.apply(Reader.USER, 6, new ChatReadByUser(ORGANIZATION, CHAT, USER, 1))).isEqualTo(user);
    }

    @Test
    void givenDeletedMessage_whenFolded_thenNoLongerUnread() {
        UnreadMessages agents = UnreadMessages.NONE
                .apply(Reader.AGENTS, 2, posted("msg_a", USER_ACTOR, Visibility.PUBLIC))
                .apply(Reader.AGENTS, 3, posted("msg_b", USER_ACTOR, Visibility.PUBLIC))
                .apply(Reader.AGENTS, 4, new MessageDeleted(ORGANIZATION, CHAT, USER, new MessageId("msg_a"),
                        USER_ACTOR, Visibility.PUBLIC));
        assertThat(agents.messages()).containsExactly(new Unread(3, "msg_b"));
    }

    @Test
    void givenSameEventTwice_whenFolded_thenCountedOnce() {
        MessagePosted reply = posted("msg_a", AGENT_ACTOR, Visibility.PUBLIC);
        UnreadMessages once = UnreadMessages.NONE.apply(Reader.USER, 2, reply);
        assertThat(once.apply(Reader.USER, 2, reply)).isEqualTo(once);
        assertThat(once.apply(Reader.USER, 3, new ChatClosed(ORGANIZATION, CHAT, USER, AGENT_ACTOR))).isSameAs(once);
    }

    @Test
    void givenEventsThatCannotChangeABadge_whenAskedWhetherTheyConcernIt_thenNo() {
        ChatEvent note = posted("msg_note", AGENT_ACTOR, Visibility.INTERNAL);
        ChatEvent reply = posted("msg_a", AGENT_ACTOR, Visibility.PUBLIC);
        assertThat(UnreadMessages.concerns(Reader.USER, reply)).isTrue();
        assertThat(UnreadMessages.concerns(Reader.AGENTS, reply)).isFalse();
        assertThat(UnreadMessages.concerns(Reader.USER, note)).isFalse();
        assertThat(UnreadMessages.concerns(Reader.AGENTS, new ChatReadByUser(ORGANIZATION, CHAT, USER, 3))).isFalse();
        assertThat(UnreadMessages.concerns(Reader.AGENTS, new ChatReadByAgent(ORGANIZATION, CHAT, USER, AGENT, 3)))
                .isTrue();
        assertThat(UnreadMessages.concerns(Reader.USER, new ChatClosed(ORGANIZATION, CHAT, USER, AGENT_ACTOR))).isFalse();
    }
}
