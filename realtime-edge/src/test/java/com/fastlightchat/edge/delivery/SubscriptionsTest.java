package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.delivery.ClientEvents.Audience;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsTest {

    private static final Emitter SILENT = new Emitter() {
        @Override
        public boolean backlogged() {
            return false;
        }

        @Override
        public void emit(Map<String, Object> body) {
        }
    };

    private final Subscriptions subscriptions = new Subscriptions();

    private static Subscriber socket(String id, String userId) {
        return new Subscriber(id, userId == null ? Audience.AGENT : Audience.USER, "org_1", userId, SILENT,
                new OutboundBudget(8), 8);
    }

    private void join(String chatId, Subscriber subscriber) {
        subscriber.beginCatchUp(chatId);
        subscriptions.joinChat(chatId, subscriber);
    }

    @Test
    void givenUsersSocketsInSeveralChats_whenAskedForTheUsersChats_thenOnlyTheirsFromAllTheirSockets() {
        Subscriber phone = socket("s1", "usr_1");
        Subscriber laptop = socket("s2", "usr_1");
        Subscriber other = socket("s3", "usr_2");
        join("ch_1", phone);
        join("ch_2", laptop);
        join("ch_1", laptop);
        join("ch_3", other);

        assertThat(subscriptions.chatsOfUser("usr_1")).containsExactlyInAnyOrder("ch_1", "ch_2");
        assertThat(subscriptions.chatsOfUser("usr_2")).containsExactly("ch_3");
        assertThat(subscriptions.chatsOfUser("usr_9")).isEmpty();
    }

    @Test
    void givenOneSocketLeavesAndAnotherDisconnects_whenAskedForTheUsersChats_thenWhatTheRemainingSocketsFollow() {
        Subscriber phone = socket("s1", "usr_1");
        Subscriber laptop = socket("s2", "usr_1");
        join("ch_1", phone);
        join("ch_1", laptop);
        join("ch_2", laptop);

        subscriptions.leaveChat("ch_2", laptop);
        assertThat(subscriptions.chatsOfUser("usr_1")).containsExactly("ch_1");
        subscriptions.remove(phone);
        assertThat(subscriptions.chatsOfUser("usr_1")).containsExactly("ch_1");
        subscriptions.remove(laptop);
        assertThat(subscriptions.chatsOfUser("usr_1")).isEmpty();
    }

    @Test
    void givenAgentSocket_whenAskedForUsersChats_thenAgentsNeverCount() {
        Subscriber agent = socket("s9", null);
        subscriptions.joinOrganization(agent);
        agent.offer("ch_1", ClientEvents.hidden("ch_1", 1), true);

        assertThat(subscriptions.chatsOfUser("usr_1")).isEmpty();
    }
}
