package com.fastlightchat.loadgen;

import com.fastlightchat.loadgen.coordinator.Coordinator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark tool end to end on a small scale: {@code ./flc bench e2e} with 30 users on two devices each and
 * 4 agents, against a local stack on free ports (and the reference server when Node is installed), checked for
 * correctness only — every socket held, every message delivered once to every socket that follows its chat, the
 * report written. Never timings: those are for the benchmark itself.
 */
class BenchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path reports;

    @Test
    void givenTinyEndToEndScenario_whenRun_thenEverySocketHeldAndEveryMessageDeliveredOnce() throws Exception {
        List<String> options = new ArrayList<>(List.of("--users", "30", "--devices", "2", "--agents", "4",
                "--orgs", "2", "--rates", "10", "--step", "8s", "--warmup", "3s", "--hold", "5s",
                "--probe-rate", "4", "--sockets-per-worker", "40", "--edges", "2", "--reports", reports.toString(),
                "--edge-jvm", "-Xmx512m -XX:+UseSerialGC", "--service-jvm", "-Xmx512m -XX:+UseSerialGC"));
        boolean node = onPath("node") && onPath("npm");
        if (!node) {
            options.add("--no-reference");
        }
        int exit = Coordinator.main("e2e", options.toArray(String[]::new));

        assertThat(exit).isZero();
        Path directory;
        try (Stream<Path> written = Files.list(reports)) {
            directory = written.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(directory.resolve("report.md")).exists();
        assertThat(directory.resolve("latency.svg")).exists();
        JsonNode report = JSON.readTree(Files.readString(directory.resolve("report.json")));
        assertThat(report.path("setup").path("sockets").asInt()).isEqualTo(64);
        assertThat(report.path("setup").path("workers").asInt()).isEqualTo(2);
        assertCorrect(report.path("ours"), 64);
        if (node) {
            assertCorrect(report.path("reference"), 64);
        }
        assertThat(report.path("goals").size()).isPositive();
    }

    private static void assertCorrect(JsonNode target, int sockets) {
        assertThat(target.path("connect").path("ready").asInt()).as("sockets ready").isEqualTo(sockets);
        JsonNode totals = target.path("totals");
        assertThat(totals.path("socketsHeldAtEnd").asInt()).as("sockets held").isEqualTo(sockets);
        assertThat(totals.path("unexpectedDisconnects").asInt()).isZero();
        assertThat(totals.path("messagesAccepted").asLong()).as("messages accepted")
                .isEqualTo(totals.path("messagesSent").asLong()).isPositive();
        // every message reaches its user's two devices and the two agents of the user's organization
        assertThat(totals.path("deliveriesExpected").asLong())
                .isEqualTo(totals.path("messagesAccepted").asLong() * 4);
        assertThat(totals.path("deliveries").asLong()).isEqualTo(totals.path("deliveriesExpected").asLong());
        assertThat(totals.path("lost").asLong()).isZero();
        assertThat(totals.path("duplicated").asLong()).isZero();
        assertThat(totals.path("gaps").asLong()).isZero();
        assertThat(target.path("steps").path(0).path("latency").path("all").path("count").asLong()).isPositive();
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
