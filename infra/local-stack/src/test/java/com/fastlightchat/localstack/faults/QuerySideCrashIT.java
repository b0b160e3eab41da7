package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import com.fastlightchat.localstack.SharedStack;
import org.junit.jupiter.api.Test;

/**
 * The query side is killed ({@code kill -9}) while it projects a steady stream of messages, and started again. Its
 * projectors resume from their last committed Kafka offsets and re-apply what they had done but not committed; the
 * read models swallow those duplicates, so every accepted message is in them exactly once, in order.
 */
class QuerySideCrashIT {

    private final LocalStack stack = SharedStack.get();

    @Test
    void givenSteadyTraffic_whenQuerySideIsKilledMidProjectionAndRestarted_thenReadModelsHoldEveryMessageOnce() {
        try (FaultScenario scenario = FaultScenario.start(stack, "query")) {
            scenario.killAndRestart("query-side");

            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            scenario.assertNoSendFailed();
            scenario.finishAndReconcile();
        }
    }
}
