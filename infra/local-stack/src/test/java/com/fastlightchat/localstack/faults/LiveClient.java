package com.fastlightchat.localstack.faults;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.client.SocketOptionBuilder;
import org.json.JSONArray;
import org.json.JSONObject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * A realtime client following some chats, as the widget ({@code /sdk}) or the dashboard ({@code /agent}) does with
 * the official Socket.IO Java client: it reconnects by itself when the connection breaks, and on every (re)connect
 * resumes each chat from the last sequence it received ({@code chat:resume}); a chat the edge cannot admit yet
 * (not projected yet, query side down) is asked again half a second later.
 *
 * <p>It records every {@code chat.event} with a sequence of the chats it follows, exactly as it arrived — no
 * duplicate dropped, nothing reordered — so that a reconciliation can check what the edge promises: every sequence
 * once, in order, no gap, across reconnects.
 */
public final class LiveClient implements AutoCloseable {

    private static final long RETRY_MILLIS = 500;

    private final String name;
    private final Socket socket;
    private final Set<String> chats;
    private final Map<String, List<JSONObject>> received = new ConcurrentHashMap<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicReference<Boolean> teamOnline = new AtomicReference<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-client-retries").daemon().factory());

    private LiveClient(String name, String url, Map<String, String> auth, Collection<String> chats) {
        this.name = name;
        this.chats = Set.copyOf(chats);
        chats.forEach(chatId -> received.put(chatId, new CopyOnWriteArrayList<>()));
        IO.Options options = SocketOptionBuilder.builder()
                .setAuth(auth)
                .setForceNew(true)
                .setReconnection(true)
                .setReconnectionDelay(200)
                .setReconnectionDelayMax(1000)
                .setTransports(new String[]{"websocket"})
                .build();
        this.socket = IO.socket(URI.create(url), options);
        socket.on("chat.event", args -> onEvent((JSONObject) args[0]));
        socket.on(Socket.EVENT_CONNECT, args -> {
            connections.incrementAndGet();
            joined.clear();
            resume(this.chats);
        });
    }

    /** An end user's widget following their chat. */
    public static LiveClient widget(String edgeUrl, PlatformApi.SdkUser user, String pluginKey, String chatId) {
        return widget(edgeUrl, user, pluginKey, List.of(chatId));
    }

    /** An end user's widget following their chats (none: it only listens to signals). */
    public static LiveClient widget(String edgeUrl, PlatformApi.SdkUser user, String pluginKey,
                                    Collection<String> chatIds) {
        return new LiveClient("widget of " + (chatIds.isEmpty() ? user.userId() : String.join(",", chatIds)),
                edgeUrl + "/sdk", Map.of("pluginKey", pluginKey, "userToken", user.userToken()), chatIds);
    }

    /** An agent's dashboard following the given chats of its organization. */
    public static LiveClient dashboard(String edgeUrl, String agentToken, Collection<String> chatIds) {
        return new LiveClient("dashboard", edgeUrl + "/agent", Map.of("token", agentToken), chatIds);
    }

    /** Connects and waits until every chat is followed. */
    public LiveClient connect(Duration atMost) {
        socket.connect();
        awaitFollowing(atMost);
        return this;
    }

    /** Waits until the client is connected and follows every chat (again, after a reconnect). */
    public void awaitFollowing(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> socket.connected() && joined.containsAll(chats));
    }

    public String name() {
        return name;
    }

    public Set<String> chats() {
        return chats;
    }

    /** How often it connected (1 + reconnects). */
    public int connections() {
        return connections.get();
    }

    /** The stream events of a chat it received, in arrival order. */
    public List<JSONObject> received(String chatId) {
        return List.copyOf(received.get(chatId));
    }

    /** What the last {@code team.availability} signal said (widgets only); null before the first. */
    public Boolean teamAvailability() {
        return teamOnline.get();
    }

    /** Resumes that did not answer for everything (incomplete, refused), for diagnosis. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void onEvent(JSONObject event) {
        if ("team.availability".equals(event.optString("type"))) {
            teamOnline.set(event.optBoolean("online"));
            return;
        }
        String chatId = event.optString("chatId");
        if (!event.has("sequence") || !chats.contains(chatId)) {
            return;
        }
        // The one documented exception to "once": every socket of a user hears of a new chat, and one that already
        // follows it drops that copy by its sequence (realtime-edge/PROTOCOL.md).
        if ("chat.opened".equals(event.optString("type")) && event.optLong("sequence") <= lastSequence(chatId)) {
            return;
        }
        received.get(chatId).add(event);
    }

    private long lastSequence(String chatId) {
        long last = 0;
        for (JSONObject event : received.get(chatId)) {
            last = Math.max(last, event.optLong("sequence"));
        }
        return last;
    }

    private void resume(Collection<String> chatIds) {
        if (chatIds.isEmpty() || !socket.connected()) {
            return;
        }
        JSONArray list = new JSONArray();
        for (String chatId : chatIds) {
            Map<String, Object> chat = new LinkedHashMap<>();
            chat.put("chatId", chatId);
            chat.put("lastSequence", lastSequence(chatId));
            list.put(new JSONObject(chat));
        }
        socket.emit("chat:resume", new Object[]{new JSONObject(Map.of("chats", list))}, (Ack) args -> {
            JSONObject ack = (JSONObject) args[0];
            List<String> again = new ArrayList<>();
            JSONArray results = ack.optJSONArray("chats");
            if (!ack.optBoolean("ok") || results == null) {
                notes.add(name + ": resume refused: " + ack);
                again.addAll(chatIds);
            } else {
                for (int i = 0; i < results.length(); i++) {
                    JSONObject result = results.optJSONObject(i);
                    if (result == null) {
                        continue;
                    }
                    String chatId = result.optString("chatId");
                    if (result.optBoolean("ok")) {
                        joined.add(chatId);
                        if (!result.optBoolean("complete")) {
                            notes.add(name + ": incomplete resume of " + chatId + ": " + result);
                        }
                    } else {
                        again.add(chatId);
                    }
                }
            }
            if (!again.isEmpty()) {
                retries.schedule(() -> resume(again), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public void close() {
        retries.shutdownNow();
        socket.close();
    }
}
