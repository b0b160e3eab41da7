package com.fastlightchat.kernel.privacy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key endpoint's client against a local HTTP server answering as the command side would. */
class RemoteSubjectKeysTest {

    private static final String TOKEN = "service-token";
    private static final byte[] KEY = new byte[32];

    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private volatile boolean batchSupported = true;
    private HttpServer server;
    private String baseUrl;

    @BeforeEach
    void start() throws IOException {
        KEY[0] = 42;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(RemoteSubjectKeys.BATCH_PATH, exchange -> {
            try (exchange) {
                batchCalls.incrementAndGet();
                if (!batchSupported || !"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = Base64.getEncoder().encodeToString(KEY);
                StringBuilder keys = new StringBuilder();
                for (String subject : List.of("usr_1", "usr_2")) {
                    if (request.contains("\"" + subject + "\"")) {
                        keys.append(keys.isEmpty() ? "" : ",").append("{\"subjectId\":\"").append(subject)
                                .append("\",\"key\":\"").append(key).append("\"}");
                    }
                }
                byte[] body = ("{\"keys\":[" + keys + ",{\"subjectId\":\"usr_not_asked\",\"key\":\"" + key
                        + "\"}],\"erased\":[\"usr_gone\"]}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.createContext(RemoteSubjectKeys.PATH, exchange -> {
            try (exchange) {
                String subject = exchange.getRequestURI().getPath().substring(RemoteSubjectKeys.PATH.length());
                if (!TOKEN.equals(exchange.getRequestHeaders().getFirst(RemoteSubjectKeys.TOKEN_HEADER))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                int status = statuses.getOrDefault(subject, 200);
                if (status != 200) {
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                String key = subject.equals("usr_short") ? "AAAA" : Base64.getEncoder().encodeToString(KEY);
                byte[] body = ("{\"subjectId\":\"" + subject + "\",\"key\":\"" + key + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenActiveSubject_whenAsked_thenItsKeyComesBack() {
        var key = new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKey("usr_1");

        assertThat(key).hasValueSatisfying(k -> assertThat(k.getEncoded()).isEqualTo(KEY));
    }

    @Test
    void givenErasedSubject_whenAsked_thenEmptyNeverAnError() {
        statuses.put("usr_gone", 410);

        assertThat(new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKey("usr_gone")).isEmpty();
    }

    @Test
    void givenUnknownSubjectWrongTokenBadAnswerOrNoService_whenAsked_thenUnavailableNotErased() {
        statuses.put("usr_unknown", 404);
        statuses.put("usr_broken", 500);

        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKey("usr_unknown"))
                .isInstanceOf(KeysUnavailableException.class).hasMessageContaining("404");
        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKey("usr_broken"))
                .isInstanceOf(KeysUnavailableException.class);
        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, "wrong", Duration.ofSeconds(2)).openingKey("usr_1"))
                .isInstanceOf(KeysUnavailableException.class).hasMessageContaining("401");
        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKey("usr_short"))
                .isInstanceOf(KeysUnavailableException.class);
        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, "", Duration.ofSeconds(2)).openingKey("usr_1"))
                .isInstanceOf(KeysUnavailableException.class).hasMessageContaining("not configured");
        server.stop(0);
        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKey("usr_1"))
                .isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void givenSeveralSubjects_whenAskedTogether_thenOneCallAnswersKeysAndErasuresOfExactlyThoseAsked() {
        var keys = new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2))
                .openingKeys(List.of("usr_1", "usr_2", "usr_gone", "usr_unknown"));

        assertThat(batchCalls).hasValue(1);
        assertThat(keys).containsOnlyKeys("usr_1", "usr_2", "usr_gone");
        assertThat(keys.get("usr_1")).hasValueSatisfying(k -> assertThat(k.getEncoded()).isEqualTo(KEY));
        assertThat(keys.get("usr_gone")).isEmpty();
    }

    @Test
    void givenCommandSideWithoutTheBatchEndpoint_whenAskedTogether_thenEachSubjectIsAskedAlone() {
        batchSupported = false;

        var keys = new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2)).openingKeys(List.of("usr_1", "usr_2"));

        assertThat(keys).containsOnlyKeys("usr_1", "usr_2");
    }

    @Test
    void givenUnreachableService_whenAskedTogether_thenUnavailable() {
        server.stop(0);

        assertThatThrownBy(() -> new RemoteSubjectKeys(baseUrl, TOKEN, Duration.ofSeconds(2))
                .openingKeys(List.of("usr_1"))).isInstanceOf(KeysUnavailableException.class);
    }
}
