package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.socket.BenchMessages;
import com.fastlightchat.loadgen.socket.LatencyLog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;

/**
 * Posts the benchmark's messages: message {@code i} is sent by user {@code i mod users}, with a client message id
 * that carries its planned send time ({@link BenchMessages}). A failed or timed-out post is retried with the same
 * client message id (the platform makes retries harmless) up to {@value #ATTEMPTS} times. Each accepted message is
 * expected at every socket that follows its chat: {@code receivers} says how many.
 */
final class MessageSender {

    static final int ATTEMPTS = 3;
    private static final String TEXT = "Hello, I have a question about my order, could someone help me please?";

    private final Http http;
    private final Target target;
    private final List<Identities.User> users;
    private final ToIntFunction<Identities.User> receivers;
    private final LatencyLog latency = new LatencyLog();
    private final LongAdder started = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder expected = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    MessageSender(Http http, Target target, List<Identities.User> users, ToIntFunction<Identities.User> receivers) {
        this.http = http;
        this.target = target;
        this.users = users;
        this.receivers = receivers;
    }

    /** A {@link FixedRate.Operation}: starts the post and returns. */
    void send(long index, long plannedMicros) {
        started.increment();
        Identities.User user = users.get((int) (index % users.size()));
        attempt(user, BenchMessages.clientMessageId(plannedMicros, index), plannedMicros, 1);
    }

    private void attempt(Identities.User user, String clientMessageId, long plannedMicros, int attempt) {
        http.statusAsync(target.post(user, clientMessageId, TEXT)).whenComplete((status, error) -> {
            if (error == null) {
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
            if (error == null && status >= 200 && status < 300) {
                latency.record(BenchMessages.nowMicros() - plannedMicros);
                accepted.increment();
                expected.add(receivers.applyAsInt(user));
                completed.increment();
            } else if (attempt < ATTEMPTS && (error != null || status >= 500 || status == 429)) {
                retries.increment();
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(user, clientMessageId, plannedMicros, attempt + 1));
            } else {
                failed.increment();
                completed.increment();
            }
        });
    }

    LatencyLog latency() {
        return latency;
    }

    long started() {
        return started.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long failed() {
        return failed.sum();
    }

    long retries() {
        return retries.sum();
    }

    /** Deliveries expected of the messages accepted so far. */
    long expectedDeliveries() {
        return expected.sum();
    }

    /** True when every post started has an answer (or gave up). */
    boolean idle() {
        return completed.sum() >= started.sum();
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }
}
