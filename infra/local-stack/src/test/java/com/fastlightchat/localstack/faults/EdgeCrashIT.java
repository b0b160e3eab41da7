package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import com.fastlightchat.localstack.SharedStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime edge is killed ({@code kill -9}) under traffic and started again. Its clients reconnect by
 * themselves and resume each chat from the last sequence they have: nothing they missed while it was gone is lost,
 * nothing is received twice, nothing out of order.
 */
class EdgeCrashIT {

    private final LocalStack stack = SharedStack.get();

    @Test
    void givenClientsFollowingChatsUnderTraffic_whenEdgeIsKilledAndRestarted_thenTheyResumeWithoutGapOrDuplicate() {
        try (FaultScenario scenario = FaultScenario.start(stack, "edge")) {
            // the messages posted while no edge runs must reach the clients after they reconnect
            scenario.killAndRestart("realtime-edge");

            scenario.awaitClientsFollowing();
            scenario.mark("clients resumed");
            assertThat(scenario.clients()).allSatisfy(client ->
                    assertThat(client.connections()).as(client.name() + " reconnected").isGreaterThan(1));
            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            scenario.assertNoSendFailed();
            scenario.finishAndReconcile();
        }
    }
}
