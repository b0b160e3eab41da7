package com.fastlightchat.edge.delivery;

import com.fastlightchat.edge.delivery.ClientEvents.Audience;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberTest {

    /** A socket that records what it is sent, and can be made to stop reading. */
    private static final class RecordingSocket implements Emitter {
        final List<Map<String, Object>> sent = new ArrayList<>();
        boolean backlogged;

        @Override
        public boolean backlogged() {
            return backlogged;
        }

        @Override
        public void emit(Map<String, Object> body) {
            sent.add(body);
        }

        List<Object> types() {
            return sent.stream().map(body -> body.get("type") + ":" + body.getOrDefault("sequence", "-")).map(
                    Object.class::cast).toList();
        }
    }

    private final RecordingSocket socket = new RecordingSocket();
    private final Subscriber subscriber = new Subscriber("s1", Audience.USER, "org_1", "usr_1", socket,
            new OutboundBudget(2), 3);

    private static Map<String, Object> event(long sequence) {
        return ClientEvents.hidden("ch_1", sequence);
    }

    @Test
    void givenResumeInProgress_whenLiveEventsArrive_thenTheyFollowTheCatchUpWithoutDuplicates() {
        subscriber.beginCatchUp("ch_1");
        subscriber.offer("ch_1", event(6), false);
        subscriber.offer("ch_1", event(7), false);
        List<Map<String, Object>> acked = new ArrayList<>();

        var resumed = subscriber.finishCatchUp("ch_1", 3, List.of(event(4), event(5), event(6)), events -> {
            events.forEach(socket::emit);
            acked.add(Map.of("ack", true));
        });
        subscriber.offer("ch_1", event(7), false);
        subscriber.offer("ch_1", event(8), false);

        assertThat(resumed).extracting(ClientEvents::sequenceOf).containsExactly(4L, 5L, 6L, 7L);
        assertThat(socket.types()).containsExactly("hidden:4", "hidden:5", "hidden:6", "hidden:7", "hidden:8");
        assertThat(acked).hasSize(1);
    }

    @Test
    void givenChatNotJoined_whenAnEndUserSocketIsOfferedItsEvents_thenNothingIsSent() {
        subscriber.offer("ch_2", event(1), false);

        assertThat(socket.sent).isEmpty();
    }

    @Test
    void givenAgentSocket_whenOfferedEventsOfAnyChat_thenItFollowsTheChatFromTheFirst() {
        subscriber.offer("ch_2", event(5), true);
        subscriber.offer("ch_2", event(5), true);
        subscriber.offer("ch_2", event(6), true);

        assertThat(socket.types()).containsExactly("hidden:5", "hidden:6");
        assertThat(subscriber.chats()).containsExactly("ch_2");
    }

    @Test
    void givenReconnectingDashboard_whenAnEventArrivesBeforeItsResume_thenTheChatIsResumedInOrderWithoutDuplicates() {
        subscriber.holdAutoFollow(Duration.ofMinutes(1));
        subscriber.offer("ch_1", event(6), true); // just before the resume: not followed yet
        subscriber.requestStarted();
        subscriber.beginCatchUp("ch_1");
        subscriber.offer("ch_1", event(7), true);
        subscriber.offer("ch_2", event(3), true); // another chat, during the resume: not followed yet

        subscriber.finishCatchUp("ch_1", 4, List.of(event(5), event(6)), events -> events.forEach(socket::emit));
        subscriber.requestFinished();
        subscriber.offer("ch_1", event(8), true);
        subscriber.offer("ch_2", event(4), true);

        assertThat(socket.types()).containsExactly("hidden:5", "hidden:6", "hidden:7", "hidden:8", "hidden:4");
    }

    @Test
    void givenDashboardThatSendsNoResume_whenTheGraceHasPassed_thenItFollowsChatsByItself() {
        subscriber.holdAutoFollow(Duration.ZERO);

        subscriber.offer("ch_2", event(5), true);

        assertThat(socket.types()).containsExactly("hidden:5");
    }

    @Test
    void givenClientThatStoppedReading_whenItExhaustsItsBudget_thenItIsToldToResyncAndGetsNothingMore() {
        subscriber.beginCatchUp("ch_1");
        subscriber.finishCatchUp("ch_1", 0, List.of(), events -> { });
        socket.backlogged = true;

        for (long sequence = 1; sequence <= 10; sequence++) {
            subscriber.offer("ch_1", event(sequence), false);
        }

        assertThat(socket.types()).containsExactly("hidden:1", "hidden:2", "resync.required:-");
    }

    @Test
    void givenChatCutOff_whenTheClientResumesFromWhatItHas_thenItIsLiveAgain() {
        subscriber.beginCatchUp("ch_1");
        subscriber.finishCatchUp("ch_1", 0, List.of(), events -> { });
        socket.backlogged = true;
        for (long sequence = 1; sequence <= 5; sequence++) {
            subscriber.offer("ch_1", event(sequence), false);
        }
        socket.backlogged = false;
        socket.sent.clear();

        subscriber.beginCatchUp("ch_1");
        subscriber.finishCatchUp("ch_1", 2, List.of(event(3), event(4), event(5)), events -> events.forEach(socket::emit));
        subscriber.offer("ch_1", event(6), false);

        assertThat(socket.types()).containsExactly("hidden:3", "hidden:4", "hidden:5", "hidden:6");
    }

    @Test
    void givenResumeThatBuffersTooMuch_whenItFinishes_thenTheCatchUpIsSentAndTheClientToldToResync() {
        subscriber.beginCatchUp("ch_1");
        for (long sequence = 10; sequence <= 14; sequence++) {
            subscriber.offer("ch_1", event(sequence), false);
        }

        subscriber.finishCatchUp("ch_1", 0, List.of(event(1)), events -> events.forEach(socket::emit));
        subscriber.offer("ch_1", event(15), false);

        assertThat(socket.types()).containsExactly("hidden:1", "resync.required:-");
    }
}
