package com.fastlightchat.localstack.faults;

import com.fastlightchat.localstack.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fault scenario's world on the shared platform, fresh for each scenario: end users of the demo organization,
 * each with a new chat, posting under {@link Traffic}; each user's widget and the demo agent's dashboard following
 * those chats live ({@link LiveClient}); and the {@link Reconciliation} that proves, once the fault is over and the
 * traffic has stopped, that nothing was lost, duplicated or reordered anywhere.
 */
public final class FaultScenario implements AutoCloseable {

    /** Users (and chats) per scenario. */
    public static final int USERS = 4;
    /** Each user posts one message per interval. */
    public static final Duration INTERVAL = Duration.ofMillis(300);
    /** Generous: the machine running the tests may be busy. */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private final LocalStack stack;
    private final PlatformApi api;
    private final String agentToken;
    private final List<Reconciliation.Chat> chats = new ArrayList<>();
    private final List<LiveClient> clients = new ArrayList<>();
    private final long started = System.nanoTime();
    private String name = "scenario";
    private Traffic traffic;

    private FaultScenario(LocalStack stack) {
        this.stack = stack;
        this.api = new PlatformApi(stack);
        this.agentToken = api.agentToken();
    }

    /**
     * Sets the scenario up and starts the traffic; returns once every client follows its chats and every user had a
     * message accepted, so that the platform is known to work end to end before the fault.
     */
    public static FaultScenario start(LocalStack stack, String name) {
        FaultScenario scenario = new FaultScenario(stack);
        try {
            scenario.setUp(name);
            return scenario;
        } catch (RuntimeException | Error e) {
            scenario.close();
            throw e;
        }
    }

    private void setUp(String name) {
        this.name = name;
        String pluginKey = stack.demo().pluginKey();
        List<Traffic.Sender> senders = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) {
            PlatformApi.SdkUser user = api.bootUser();
            String chatId = api.openChat(user);
            chats.add(new Reconciliation.Chat(chatId, user));
            senders.add(new Traffic.Sender("u" + i, chatId, user.headers()));
            clients.add(LiveClient.widget(stack.edgeUrl(), user, pluginKey, chatId).connect(PATIENCE));
        }
        clients.add(LiveClient.dashboard(stack.edgeUrl(), agentToken,
                chats.stream().map(Reconciliation.Chat::chatId).toList()).connect(PATIENCE));
        String runId = name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        traffic = new Traffic(stack.commandUrl(), runId, senders, INTERVAL);
        traffic.awaitProgress(1, PATIENCE);
        mark("traffic flowing end to end");
    }

    /** Logs a step of the scenario with the time since it started (the test's report shows where time goes). */
    public void mark(String step) {
        System.out.printf("[%s +%.1f s] %s (%d accepted, %d failed sends)%n", name,
                (System.nanoTime() - started) / 1e9, step, traffic == null ? 0 : traffic.acceptedCount(),
                traffic == null ? 0 : traffic.failures().size());
    }

    public PlatformApi api() {
        return api;
    }

    public String agentToken() {
        return agentToken;
    }

    public Traffic traffic() {
        return traffic;
    }

    public List<Reconciliation.Chat> chats() {
        return List.copyOf(chats);
    }

    public List<LiveClient> clients() {
        return List.copyOf(clients);
    }

    /** Waits until every client follows its chats again (after a reconnect). */
    public void awaitClientsFollowing() {
        clients.forEach(client -> client.awaitFollowing(PATIENCE));
    }

    /**
     * Stops the traffic, waits until every message sent is accepted, and then until every view agrees with the
     * accepted messages ({@link Reconciliation}).
     */
    public void finishAndReconcile() {
        traffic.finish(PATIENCE);
        mark("traffic finished");
        new Reconciliation(stack, api, agentToken).awaitConsistent(chats, traffic, clients, PATIENCE);
        mark("reconciled");
    }

    /**
     * Kills a service with SIGKILL under traffic (the exit code proves it: 128 + 9), lets the users post a few
     * more messages while it is gone, and starts it again; returns once it is healthy.
     */
    public void killAndRestart(String service) {
        traffic.awaitProgress(3, PATIENCE);
        assertThat(stack.kill(service)).as(service + " killed by SIGKILL (128 + 9)").isEqualTo(137);
        mark(service + " killed");
        traffic.awaitProgress(3, PATIENCE);
        stack.start(service);
        mark(service + " started again");
    }

    /** No send failed: the fault never reached the users' commands. */
    public void assertNoSendFailed() {
        assertThat(traffic.failures()).as("failed sends").isEmpty();
    }

    @Override
    public void close() {
        if (traffic != null) {
            traffic.close();
        }
        clients.forEach(LiveClient::close);
    }
}
