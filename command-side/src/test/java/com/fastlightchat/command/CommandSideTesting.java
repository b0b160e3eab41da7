package com.fastlightchat.command;

import com.fastlightchat.testservers.Isolation;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command side's integration tests share: the servers' settings, and REST calls made as a client would. */
public final class CommandSideTesting {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CommandSideTesting() {
    }

    /** Points the application at the isolation's PostgreSQL and Kafka, with test secrets. */
    public static void registerProperties(Isolation isolation, DynamicPropertyRegistry registry) {
        isolation.springBootProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("flc.command.topic-prefix", isolation::topicPrefix);
        registry.add("flc.command.topic-partitions", () -> 3);
        registry.add("flc.command.token-secret", () -> "integration-test-secret-0123456789abcdef");
        registry.add("flc.command.secrets-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    /** Sends {@code body} as JSON (none when null) and returns the JSON answer, asserting {@code expectedStatus}. */
    public static JsonNode call(int port, String method, String path, Map<String, String> headers, Object body,
                                int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
