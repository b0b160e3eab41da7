package com.fastlightchat.edge;

import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.event.Actor;
import com.fastlightchat.kernel.event.ChatEvent.Visibility;
import com.fastlightchat.kernel.id.ChatId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.NodeTests;
import com.fastlightchat.testservers.TestServers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.fastlightchat.edge.EdgeFixture.envelope;
import static com.fastlightchat.edge.EdgeFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code infra/node-tests} ({@code node --test} with the official {@code socket.io-client} 4.8) against a
 * running edge: the test publishes through a small control endpoint of this class. Skipped when there is no
 * {@code node} on the PATH; the dependencies are installed with {@code npm ci} from the committed lock file.
 */
class NodeClientIT {

    private static final Path NODE_TESTS = Path.of("..", "infra", "node-tests").toAbsolutePath().normalize();
    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final UserId USER = new UserId(Ids.random("usr"));
    private static final ChatId CHAT = new ChatId(Ids.random("ch"));

    private static EdgeFixture fixture;
    private static int port;
    private static HttpServer control;
    private static final AtomicLong sequence = new AtomicLong();

    @BeforeAll
    static void startEdgeAndControl() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(NodeClientIT.class));
        port = fixture.startEdge(Map.of());
        fixture.querySide().chatOf(USER.value(), CHAT.value());
        control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        control.createContext("/publish", NodeClientIT::publish);
        control.start();
    }

    @AfterAll
    static void stopAll() {
        if (control != null) {
            control.stop(0);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenOfficialNodeClient_whenItsTestsRun_thenTheyPass() throws Exception {
        assumeTrue(NodeTests.available(), "node and npm are needed for the Node client test");
        NodeTests nodeTests = new NodeTests(NODE_TESTS);
        assertThat(nodeTests.install()).as("npm ci").isZero();
        Instant now = Instant.now();
        AccessTokens forger = AccessTokens.fromSecret("some-other-secret-that-is-long-enough-32", Clock.systemUTC());
        String forged = forger.issue(new TokenClaims(USER.value(), TokenClaims.Kind.USER, ORG.value(),
                Ids.random("env"), null, now, now.plus(Duration.ofHours(1))));

        // --test-force-exit: after the long-polling test's client is closed, something of its HTTP transport keeps
        // Node's event loop alive (seen: all tests reported "ok", the process never ended); the report is complete.
        int exit = nodeTests.run(List.of("node", "--test", "--test-force-exit"), Map.of(
                "EDGE_URL", "http://127.0.0.1:" + port,
                "CONTROL_URL", "http://127.0.0.1:" + control.getAddress().getPort(),
                "PLUGIN_KEY", EdgeFixture.PLUGIN_KEY,
                "USER_TOKEN", EdgeFixture.userToken(ORG, EdgeFixture.ENVIRONMENT, USER),
                "FORGED_TOKEN", forged,
                "CHAT_ID", CHAT.value()), Duration.ofMinutes(3));

        assertThat(exit).as("node --test (its report is in the test output)").isZero();
    }

    /** {@code POST /publish?count=N}: the chat's next N public messages; answers {@code {lastSequence}}. */
    private static void publish(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            int count = query != null && query.startsWith("count=") ? Integer.parseInt(query.substring(6)) : 1;
            long last = 0;
            for (int i = 0; i < count; i++) {
                last = sequence.incrementAndGet();
                fixture.publish(envelope(last, message(ORG, CHAT, USER, Visibility.PUBLIC, Actor.agent("ag_1"),
                        "message " + last)));
            }
            byte[] body = ("{\"lastSequence\":" + last + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
