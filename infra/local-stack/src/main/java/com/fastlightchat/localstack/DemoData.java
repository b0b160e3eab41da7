package com.fastlightchat.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The demo tenant's content, made through the public APIs exactly as the console and the widget would: a second
 * agent, both online, and a handful of end users with chats in different states — waiting unassigned, assigned
 * with replies, an internal note, tags and priority, snoozed, closed — plus one identified member (with
 * {@code memberHash}). What the console shows right after {@code ./flc run}.
 */
final class DemoData {

    /** Who and what was made, for the start-up banner and the tests. */
    record Seeded(String secondAgentLogin, String secondAgentPassword, String memberId, String memberHash,
                  int chats) {
    }

    static final String SECOND_AGENT_LOGIN = "sam@fastlight.chat";
    static final String DEMO_MEMBER_ID = "member-1001";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String commandUrl;

    private DemoData(HttpClient http, String commandUrl) {
        this.http = http;
        this.commandUrl = commandUrl;
    }

    /** Fills the organization whose owner logs in with {@code ownerLogin} / {@code ownerPassword}. */
    static Seeded populate(HttpClient http, String commandUrl, LocalStack.Demo demo, String secondAgentPassword) {
        return new DemoData(http, commandUrl).populate(demo, secondAgentPassword);
    }

    private Seeded populate(LocalStack.Demo demo, String secondAgentPassword) {
        String owner = login(demo.agentLogin(), demo.agentPassword());
        JsonNode invited = json("POST", "/v1/agents", body("email", SECOND_AGENT_LOGIN, "name", "Sam Rivera",
                "role", "agent"), bearer(owner), 201);
        json("POST", "/v1/agents/invitations/accept", body("token", invited.get("invitationToken").asString(),
                "password", secondAgentPassword), Map.of(), 200);
        String sam = login(SECOND_AGENT_LOGIN, secondAgentPassword);
        String samId = invited.get("agentId").asString();
        String me = agentId;
        for (String token : new String[]{owner, sam}) {
            json("PUT", "/v1/agents/me/presence", body("presence", "online"), bearer(token), 204);
        }

        String pluginKey = demo.pluginKey();
        // 1. waiting in the unassigned queue, unread
        Visitor alice = visitor(pluginKey, null, null, "Alice Martin", "alice@example.com");
        String aliceChat = alice.open();
        alice.say(aliceChat, "Hi! I was charged twice for my subscription this month.");
        alice.say(aliceChat, "The order number is #4821.");

        // 2. assigned to the demo agent: a conversation with an internal note, high priority, tagged
        Visitor bob = visitor(pluginKey, null, null, "Bob Lee", "bob@example.com");
        String bobChat = bob.open();
        bob.say(bobChat, "How do I export all my data to CSV?");
        json("PUT", "/v1/chats/" + bobChat + "/assignment", body("agentId", me), bearer(owner), 200);
        agentSays(owner, bobChat, "Hi Bob! Go to Settings → Data → Export and pick CSV. It takes a minute.", false);
        agentSays(owner, bobChat, "Customer is on the Pro plan; exports over 1 GB need a ticket to ops.", true);
        bob.say(bobChat, "Found it, thanks! Is there a size limit?");
        json("PUT", "/v1/chats/" + bobChat + "/priority", body("priority", "high"), bearer(owner), 200);
        json("POST", "/v1/chats/" + bobChat + "/tags", body("tag", "export"), bearer(owner), 200);

        // 3. an identified member of the customer's site, answered and closed
        String memberHash = memberHash(demo.memberSecret(), DEMO_MEMBER_ID);
        Visitor chen = visitor(pluginKey, DEMO_MEMBER_ID, memberHash, "Chen Wei", "chen@example.com");
        String chenChat = chen.open();
        chen.say(chenChat, "Can I change the e-mail address on my account?");
        json("PUT", "/v1/chats/" + chenChat + "/assignment", body("agentId", me), bearer(owner), 200);
        agentSays(owner, chenChat, "Yes: Profile → Account → E-mail. You'll get a confirmation link.", false);
        chen.say(chenChat, "Done, thank you!");
        json("POST", "/v1/chats/" + chenChat + "/close", null, bearer(owner), 200);

        // 4. Sam's, snoozed until tomorrow morning
        Visitor dana = visitor(pluginKey, null, null, "Dana Kim", "dana@example.com");
        String danaChat = dana.open();
        dana.say(danaChat, "Could you call me back tomorrow about the enterprise plan?");
        json("PUT", "/v1/chats/" + danaChat + "/assignment", body("agentId", samId), bearer(owner), 200);
        agentSays(sam, danaChat, "Sure, I'll get back to you tomorrow morning.", false);
        Instant tomorrowMorning = Instant.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)
                .atTime(9, 0).toInstant(ZoneOffset.UTC);
        json("POST", "/v1/chats/" + danaChat + "/snooze", body("until", tomorrowMorning.toString()), bearer(sam), 200);

        // 5. Sam's, urgent and open
        Visitor evan = visitor(pluginKey, null, null, "Evan Brooks", "evan@example.com");
        String evanChat = evan.open();
        evan.say(evanChat, "Our checkout page shows an error since 10 minutes!");
        json("PUT", "/v1/chats/" + evanChat + "/assignment", body("agentId", samId), bearer(owner), 200);
        json("PUT", "/v1/chats/" + evanChat + "/priority", body("priority", "urgent"), bearer(sam), 200);
        agentSays(sam, evanChat, "Looking into it right now. Which browser are you using?", false);
        return new Seeded(SECOND_AGENT_LOGIN, secondAgentPassword, DEMO_MEMBER_ID, memberHash, 5);
    }

    private String agentId;

    private String login(String login, String password) {
        JsonNode session = json("POST", "/v1/auth/login", body("login", login, "password", password), Map.of(), 200);
        if (login.equals(LocalStack.DEMO_LOGIN)) {
            agentId = session.get("agentId").asString();
        }
        return session.get("accessToken").asString();
    }

    private void agentSays(String token, String chatId, String text, boolean internal) {
        ObjectNode message = body("clientMessageId", "demo-" + UUID.randomUUID(), "text", text);
        if (internal) {
            message.put("visibility", "internal");
        }
        json("POST", "/v1/chats/" + chatId + "/messages", message, bearer(token), 201);
    }

    /** An end user of the demo site, booted through the SDK (anonymous, or a member with their hash). */
    private final class Visitor {
        private final Map<String, String> headers;

        private Visitor(Map<String, String> headers) {
            this.headers = headers;
        }

        String open() {
            return json("POST", "/v1/sdk/chats", null, headers, 201).get("chatId").asString();
        }

        void say(String chatId, String text) {
            json("POST", "/v1/sdk/chats/" + chatId + "/messages",
                    body("clientMessageId", "demo-" + UUID.randomUUID(), "text", text), headers, 201);
        }
    }

    private Visitor visitor(String pluginKey, String memberId, String memberHash, String name, String email) {
        ObjectNode boot = JSON.createObjectNode();
        if (memberId != null) {
            boot.put("memberId", memberId).put("memberHash", memberHash);
        }
        String token = json("POST", "/v1/sdk/boot", boot, Map.of("X-Plugin-Key", pluginKey), 200)
                .get("userToken").asString();
        Map<String, String> headers = Map.of("X-Plugin-Key", pluginKey, "X-User-Token", token);
        json("PATCH", "/v1/sdk/me", body("name", name, "email", email), headers, 200);
        return new Visitor(headers);
    }

    /** {@code hex(HMAC-SHA256(memberSecret, memberId))}, as a customer's backend signs a member. */
    static String memberHash(String memberSecret, String memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memberSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(memberId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static ObjectNode body(String... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }

    private JsonNode json(String method, String path, JsonNode body, Map<String, String> headers, int expected) {
        HttpResponse<String> response = call(method, path, body, headers, expected);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, JsonNode body, Map<String, String> headers,
                                      int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected != 0 && response.statusCode() != expected) {
                throw new IllegalStateException("demo data: " + method + " " + path + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("demo data: " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
