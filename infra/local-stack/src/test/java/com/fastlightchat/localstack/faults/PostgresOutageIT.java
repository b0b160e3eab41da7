package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import com.fastlightchat.localstack.SharedStack;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL is restarted under traffic. While it is down, commands fail fast with a 503 problem and
 * {@code Retry-After} (never a 500, never a hang), the services report themselves not ready, and no command is
 * half-applied; once it is back they are ready again, every retried message is accepted, and every view holds
 * each accepted message exactly once, in order.
 */
class PostgresOutageIT {

    private final LocalStack stack = SharedStack.get();

    @Test
    void givenTraffic_whenPostgresRestarts_thenCommandsFailFastWith503AndRetryAfter_andSucceedAfterwardsExactlyOnce() {
        try (FaultScenario scenario = FaultScenario.start(stack, "postgres")) {
            PlatformApi api = scenario.api();
            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            // Half of the chats are closed: their users' next message reopens them, two events from one command,
            // which must be stored together or not at all.
            scenario.chats().subList(0, FaultScenario.USERS / 2)
                    .forEach(chat -> api.closeChat(scenario.agentToken(), chat.chatId()));

            stack.stopPostgres();
            scenario.mark("PostgreSQL stopped");
            try {
                await().atMost(FaultScenario.PATIENCE).until(() -> readiness(api, stack.commandUrl()) == 503);
                await().atMost(FaultScenario.PATIENCE).until(() -> readiness(api, stack.queryUrl()) == 503);
                await().atMost(FaultScenario.PATIENCE)
                        .until(() -> scenario.traffic().failures().size() >= 2 * FaultScenario.USERS);
                HttpResponse<String> directory = api.query("/v1/agents",
                        Map.of("Authorization", "Bearer " + scenario.agentToken()));
                assertThat(directory.statusCode()).as("query side read of PostgreSQL").isEqualTo(503);
                assertThat(directory.headers().firstValue("Retry-After")).isPresent();
            } finally {
                stack.startPostgres();
            }
            scenario.mark("PostgreSQL started again");
            await().atMost(FaultScenario.PATIENCE).until(() -> readiness(api, stack.commandUrl()) == 200);
            await().atMost(FaultScenario.PATIENCE).until(() -> readiness(api, stack.queryUrl()) == 200);
            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            scenario.mark("ready again, sends accepted");

            assertThat(scenario.traffic().failures()).allSatisfy(failure -> {
                assertThat(failure.status()).as(failure.toString()).isEqualTo(503);
                assertThat(failure.retryAfter()).as(failure.toString()).isEqualTo("2");
                assertThat(failure.contentType()).as(failure.toString()).startsWith("application/problem+json");
                assertThat(failure.problemType()).as(failure.toString()).endsWith("/unavailable");
            });
            System.out.printf("PostgreSQL outage: %d sends answered 503, the slowest in %d ms%n",
                    scenario.traffic().failures().size(),
                    scenario.traffic().failures().stream().mapToLong(Traffic.Failure::millis).max().orElse(0));
            scenario.finishAndReconcile();
        }
    }

    private static int readiness(PlatformApi api, String serviceUrl) {
        return api.get(serviceUrl + "/actuator/health/readiness").statusCode();
    }
}
