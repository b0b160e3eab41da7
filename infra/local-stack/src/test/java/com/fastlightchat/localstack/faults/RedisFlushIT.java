package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;
import com.fastlightchat.localstack.SharedStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis is restarted (it keeps nothing on disk, so it comes back empty) and later flushed, under traffic. Redis
 * only holds live state and caches: no event is lost on any client, resumes still work (from the query side, then
 * from the window as it refills), and the live state rebuilds itself — a widget that connects afterwards is told
 * the team is online, as it was before.
 */
class RedisFlushIT {

    private final LocalStack stack = SharedStack.get();

    @Test
    void givenTraffic_whenRedisRestartsEmptyAndIsFlushed_thenNoEventIsLost_andLiveStateRebuildsItself() {
        try (FaultScenario scenario = FaultScenario.start(stack, "redis")) {
            PlatformApi api = scenario.api();
            // the team goes online (a change this edge instance sees, whatever ran before)
            api.agentPresence(scenario.agentToken(), "offline");
            api.agentPresence(scenario.agentToken(), "online");
            await().atMost(FaultScenario.PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> teamOnlineForNewWidget(api));
            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);

            stack.stopRedis();
            scenario.mark("Redis stopped");
            try {
                scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            } finally {
                stack.startRedis();
            }
            scenario.mark("Redis started again, empty");
            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);
            stack.flushRedis();
            scenario.mark("Redis flushed");
            scenario.traffic().awaitProgress(3, FaultScenario.PATIENCE);

            await().atMost(FaultScenario.PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> teamOnlineForNewWidget(api));
            scenario.mark("team availability rebuilt");
            scenario.assertNoSendFailed();
            scenario.finishAndReconcile();
        }
    }

    /** Whether a widget connecting now is told that the team is online. */
    private boolean teamOnlineForNewWidget(PlatformApi api) {
        try (LiveClient widget = LiveClient.widget(stack.edgeUrl(), api.bootUser(), stack.demo().pluginKey(), List.of())
                .connect(FaultScenario.PATIENCE)) {
            await().atMost(FaultScenario.PATIENCE).until(() -> widget.teamAvailability() != null);
            return widget.teamAvailability();
        }
    }
}
