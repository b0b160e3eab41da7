package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks that every view of the platform agrees with what the end users were told: every accepted message (a 2xx
 * answer) exists exactly once, in the order it was accepted, with the sequence and id its answer named —
 * <ul>
 *   <li>in the event store (the command side's PostgreSQL, read-only), whose chat sequences run 1..N without a gap
 *       and hold nothing that was not accepted (no half-applied command);</li>
 *   <li>in the query side's read models: the chat's messages ({@code messages}) and its last sequence ({@code chats},
 *       for the end user and in the agent's inbox row);</li>
 *   <li>on every realtime client following the chat: sequences 1..N, each once, in order, across reconnects, and
 *       each posted message as itself (never a placeholder).</li>
 * </ul>
 */
public final class Reconciliation {

    /** A chat of the scenario and the end user who owns it. */
    public record Chat(String chatId, PlatformApi.SdkUser user) {
    }

    /** One event of a chat as stored, with its 1-based sequence; the ids only for posted messages. */
    record StoredEvent(long sequence, String type, String clientMessageId, String messageId) {
    }

    private static final String MESSAGE_POSTED = "MessagePosted";
    private static final String CHAT_REOPENED = "ChatReopened";

    private final LocalStack stack;
    private final PlatformApi api;
    private final String agentToken;

    public Reconciliation(LocalStack stack, PlatformApi api, String agentToken) {
        this.stack = stack;
        this.api = api;
        this.agentToken = agentToken;
    }

    /**
     * Waits (the query side and the edge converge asynchronously) until every view agrees, or fails listing every
     * difference that remained.
     */
    public void awaitConsistent(List<Chat> chats, Traffic traffic, List<LiveClient> clients, Duration atMost) {
        for (Chat chat : chats) {
            assertThat(traffic.accepted(chat.chatId())).as("accepted messages of " + chat.chatId()).isNotEmpty();
        }
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreNoExceptions()
                .untilAsserted(() -> assertThat(differences(chats, traffic, clients)).isEmpty());
    }

    /** Every disagreement between the accepted messages and the views; empty when all agree. */
    public List<String> differences(List<Chat> chats, Traffic traffic, List<LiveClient> clients) {
        List<String> differences = new ArrayList<>();
        for (Chat chat : chats) {
            String chatId = chat.chatId();
            List<Traffic.Receipt> accepted = traffic.accepted(chatId);
            List<StoredEvent> stored;
            try {
                stored = storedEvents(chatId);
            } catch (SQLException e) {
                differences.add(chatId + ": event store unreadable: " + e.getMessage());
                continue;
            }
            List<String> chatDifferences = new ArrayList<>();
            checkStore(stored, accepted, chatDifferences);
            checkQuerySide(chat, stored, chatDifferences);
            for (LiveClient client : clients) {
                if (client.chats().contains(chatId)) {
                    checkClient(client, client.received(chatId), stored, chatDifferences);
                }
            }
            chatDifferences.forEach(difference -> differences.add(chatId + ": " + difference));
        }
        return differences;
    }

    private static void checkStore(List<StoredEvent> stored, List<Traffic.Receipt> accepted, List<String> differences) {
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).sequence() != i + 1) {
                differences.add("store: sequence " + stored.get(i).sequence() + " at position " + (i + 1));
                return;
            }
        }
        List<StoredEvent> posted = stored.stream().filter(e -> e.type().equals(MESSAGE_POSTED)).toList();
        List<String> storedIds = posted.stream().map(StoredEvent::clientMessageId).toList();
        List<String> acceptedIds = accepted.stream().map(Traffic.Receipt::clientMessageId).toList();
        if (!storedIds.equals(acceptedIds)) {
            differences.add("store: posted messages " + storedIds + " but accepted " + acceptedIds);
        }
        for (Traffic.Receipt receipt : accepted) {
            StoredEvent event = posted.stream().filter(e -> e.clientMessageId().equals(receipt.clientMessageId()))
                    .findFirst().orElse(null);
            if (event != null && (event.sequence() != receipt.sequence()
                    || !event.messageId().equals(receipt.messageId()))) {
                differences.add("store: " + receipt.clientMessageId() + " is " + event + " but its answer said "
                        + receipt);
            }
        }
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).type().equals(CHAT_REOPENED)
                    && (i + 1 == stored.size() || !stored.get(i + 1).type().equals(MESSAGE_POSTED))) {
                differences.add("store: reopened at " + stored.get(i).sequence() + " without the message that did it");
            }
        }
    }

    private void checkQuerySide(Chat chat, List<StoredEvent> stored, List<String> differences) {
        String chatId = chat.chatId();
        long last = stored.isEmpty() ? 0 : stored.getLast().sequence();
        List<String> expected = stored.stream().filter(e -> e.type().equals(MESSAGE_POSTED))
                .map(e -> e.sequence() + ":" + e.clientMessageId() + ":" + e.messageId()).toList();
        List<String> served = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> response = api.query("/v1/sdk/chats/" + chatId + "/messages?after=" + after
                    + "&limit=200", chat.user().headers());
            if (response.statusCode() != 200) {
                differences.add("query side: messages answered " + response.statusCode());
                return;
            }
            JsonNode page = PlatformApi.JSON.readTree(response.body()).path("messages");
            for (JsonNode message : page) {
                served.add(message.path("sequence").asLong() + ":" + message.path("clientMessageId").asString()
                        + ":" + message.path("messageId").asString());
                after = Math.max(after, message.path("sequence").asLong());
            }
            if (page.size() < 200) {
                break;
            }
        }
        if (!served.equals(expected)) {
            differences.add("query side: messages " + summary(served) + " but stored " + summary(expected));
        }
        checkLastSequence("query side: the user's chat", api.query("/v1/sdk/chats/" + chatId,
                chat.user().headers()), last, differences);
        checkLastSequence("query side: the inbox row", api.query("/v1/chats/" + chatId,
                Map.of("Authorization", "Bearer " + agentToken)), last, differences);
    }

    private static void checkLastSequence(String what, HttpResponse<String> response, long expected,
                                          List<String> differences) {
        if (response.statusCode() != 200) {
            differences.add(what + " answered " + response.statusCode());
            return;
        }
        long lastSequence = PlatformApi.JSON.readTree(response.body()).path("lastSequence").asLong(-1);
        if (lastSequence != expected) {
            differences.add(what + " is at sequence " + lastSequence + ", the store at " + expected);
        }
    }

    private static void checkClient(LiveClient client, List<JSONObject> received, List<StoredEvent> stored,
                                    List<String> differences) {
        List<Long> sequences = received.stream().map(event -> event.optLong("sequence")).toList();
        List<Long> expected = stored.stream().map(StoredEvent::sequence).toList();
        if (!sequences.equals(expected)) {
            differences.add(client.name() + " received sequences " + describe(sequences, expected)
                    + " (connections: " + client.connections() + ", notes: " + client.notes() + ")");
            return;
        }
        for (int i = 0; i < stored.size(); i++) {
            StoredEvent event = stored.get(i);
            if (!event.type().equals(MESSAGE_POSTED)) {
                continue;
            }
            JSONObject got = received.get(i);
            JSONObject message = got.optJSONObject("message");
            if (!"message.posted".equals(got.optString("type")) || message == null
                    || !Objects.equals(message.optString("clientMessageId"), event.clientMessageId())) {
                differences.add(client.name() + " received " + got + " for " + event);
            }
        }
    }

    /** The first place where two sequence lists part, with some context. */
    private static String describe(List<Long> actual, List<Long> expected) {
        int i = 0;
        while (i < actual.size() && i < expected.size() && actual.get(i).equals(expected.get(i))) {
            i++;
        }
        int from = Math.max(0, i - 3);
        return "differ from the store at position " + (i + 1) + ": got "
                + actual.subList(from, Math.min(actual.size(), i + 5)) + (actual.size() > i + 5 ? "…" : "")
                + " of " + actual.size() + ", store has " + expected.subList(from, Math.min(expected.size(), i + 5))
                + (expected.size() > i + 5 ? "…" : "") + " of " + expected.size();
    }

    private static String summary(List<String> items) {
        return items.size() <= 6 ? items.toString()
                : items.size() + " items " + items.subList(0, 3) + "…"
                        + items.subList(items.size() - 3, items.size());
    }

    /** The chat's events in the event store, read-only. */
    List<StoredEvent> storedEvents(String chatId) throws SQLException {
        var servers = stack.servers();
        try (Connection connection = DriverManager.getConnection(servers.postgresJdbcUrl("flc_command"),
                servers.postgresUser(), servers.postgresPassword())) {
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement("select sequence_number, payload_type, "
                    + "payload from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
                statement.setString(1, chatId);
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String payloadType = rows.getString(2);
                        String type = payloadType.substring(Math.max(payloadType.lastIndexOf('$'),
                                payloadType.lastIndexOf('.')) + 1);
                        String clientMessageId = null;
                        String messageId = null;
                        if (type.equals(MESSAGE_POSTED)) {
                            JsonNode payload = PlatformApi.JSON.readTree(rows.getBytes(3));
                            clientMessageId = idOf(payload.path("clientMessageId"));
                            messageId = idOf(payload.path("messageId"));
                        }
                        events.add(new StoredEvent(rows.getLong(1) + 1, type, clientMessageId, messageId));
                    }
                }
                return events;
            }
        }
    }

    /** A typed id as serialized in the store: a plain string, or an object with its value. */
    private static String idOf(JsonNode id) {
        return id.isObject() ? id.path("value").asString() : id.asString();
    }
}
