package com.fastlightchat.edge;

import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.fastlightchat.edge.EdgeFixture.PATIENCE;
import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading (a raw Engine.IO WebSocket whose reader is paused, so the TCP window and then the
 * server's buffer fill up) does not hold up another client of the same chat, and is cut off with
 * {@code resync.required} instead of being buffered without bound.
 */
class SlowClientIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;
    /** Enough to fill loopback socket buffers (several MB) many times over. */
    private static final int EVENTS = 1000;
    private static final String TEXT = "x".repeat(16 * 1024);

    private static EdgeFixture fixture;
    private static int port;

    @BeforeAll
    static void startEdge() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(SlowClientIT.class));
        port = fixture.startEdge(Map.of("flc.edge.max-backlog", 20));
    }

    @AfterAll
    static void stopEdge() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenClientThatStopsReading_whenManyEventsFlow_thenOthersGetThemAll_andItIsToldToResync() throws Exception {
        UserId user = new UserId(Ids.random("usr"));
        ChatId chat = new ChatId(Ids.random("ch"));
        fixture.querySide().chatOf(user.value(), chat.value());
        String token = EdgeFixture.userToken(ORG, ENV, user);
        try (HttpClient http = HttpClient.newHttpClient(); TestSocket reader = TestSocket.user(port, ORG, ENV, user)) {
            reader.join(chat.value(), 0);
            PausedClient stalled = new PausedClient();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                    + "/socket.io/?EIO=4&transport=websocket"), stalled).get(20, TimeUnit.SECONDS);
            stalled.next(socket, "0");
            socket.sendText("40/sdk,{\"pluginKey\":\"" + EdgeFixture.PLUGIN_KEY + "\",\"userToken\":\"" + token
                    + "\"}", true).get(20, TimeUnit.SECONDS);
            stalled.next(socket, "40/sdk,");
            socket.sendText("42/sdk,1[\"chat:join\",{\"chatId\":\"" + chat.value() + "\",\"lastSequence\":0}]", true)
                    .get(20, TimeUnit.SECONDS);
            stalled.next(socket, "43/sdk,1");
            // From here on the client reads nothing.

            for (long sequence = 1; sequence <= EVENTS; sequence++) {
                fixture.publish(envelope(sequence, message(ORG, chat, user, Visibility.PUBLIC, Actor.agent("ag_1"),
                        TEXT)));
            }

            await().atMost(PATIENCE.multipliedBy(3)).until(() -> reader.sequences(chat.value()).size() == EVENTS);
            assertThat(reader.ofType("resync.required")).isEmpty();

            stalled.resume(socket);
            await().atMost(PATIENCE).until(() -> stalled.received.stream()
                    .anyMatch(text -> text.contains("\"resync.required\"")));
            long delivered = stalled.received.stream().filter(text -> text.contains("\"message.posted\"")).count();
            assertThat(delivered).as("what the stalled client was sent before it was cut off").isLessThan(EVENTS);
            socket.abort();
        }
    }

    /** Reads one message at a time on demand, then nothing, until resumed. */
    private static final class PausedClient implements WebSocket.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile CompletableFuture<String> waiting = new CompletableFuture<>();

        @Override
        public void onOpen(WebSocket webSocket) {
            // no request: nothing is read until asked for
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received.add(text);
                waiting.complete(text);
            } else {
                webSocket.request(1);
            }
            return null;
        }

        /** Reads messages until one starts with {@code prefix}. */
        void next(WebSocket webSocket, String prefix) throws Exception {
            while (true) {
                waiting = new CompletableFuture<>();
                webSocket.request(1);
                String text = waiting.get(20, TimeUnit.SECONDS);
                if (text.startsWith(prefix)) {
                    return;
                }
            }
        }

        void resume(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }
    }
}
