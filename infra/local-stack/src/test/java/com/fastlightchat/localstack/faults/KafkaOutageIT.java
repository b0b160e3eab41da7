package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import com.fastlightchat.localstack.SharedStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker goes away for 30 s under traffic. Commands go on succeeding (the event store is the source of
 * truth); when the broker is back the command side's publisher resumes by itself from its stored position, the
 * query side's projectors and the edge's stream continue, and every accepted message reaches every view exactly
 * once, in order.
 */
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private final LocalStack stack = SharedStack.get();

    @Test
    void givenTraffic_whenBrokerIsDownFor30Seconds_thenCommandsNeverFail_andEveryMessageArrivesEverywhereOnceInOrder() {
        try (FaultScenario scenario = FaultScenario.start(stack, "kafka")) {
            int acceptedBefore = scenario.traffic().acceptedCount();
            stack.stopKafka();
            scenario.mark("broker stopped");
            try {
                // the users' sends keep being accepted for the whole outage
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(15))
                        .until(() -> scenario.traffic().failures().isEmpty());
            } finally {
                stack.startKafka();
            }
            scenario.mark("broker started again");
            scenario.assertNoSendFailed();
            assertThat(scenario.traffic().acceptedCount())
                    .as("messages accepted during the outage").isGreaterThan(acceptedBefore + FaultScenario.USERS * 10);

            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            scenario.finishAndReconcile();
        }
    }
}
