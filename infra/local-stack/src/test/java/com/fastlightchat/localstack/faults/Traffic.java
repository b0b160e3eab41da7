package com.fastlightchat.localstack.faults;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * End users posting messages at a steady rate over HTTP, each in their own chat, the way the SDK does: every
 * message has a client message id, a send waits for its answer before the next, and a failed send (an error
 * status, a timeout, a refused connection) is retried with the <em>same</em> client message id — no sooner than
 * {@code Retry-After} says when the answer has one — until it is accepted. A message is <em>accepted</em> when a
 * send of it got a 2xx answer; {@link #accepted} lists them per chat in the order they were accepted, which for one
 * sender is the order they were sent.
 */
public final class Traffic implements AutoCloseable {

    /** One end user posting to one chat. */
    public record Sender(String name, String chatId, Map<String, String> headers) {
    }

    /** The answer to an accepted message: 201 when it was new, 200 for a retry of one the server already had. */
    public record Receipt(String clientMessageId, String messageId, long sequence, int status) {
    }

    /**
     * A send that was not accepted. {@code status} is 0 when no answer came (connection refused, timeout).
     *
     * @param millis how long the send took until it failed
     */
    public record Failure(String clientMessageId, int status, String retryAfter, String contentType,
                          String problemType, long millis, String error) {
    }

    private static final Duration RETRY_WITHOUT_HINT = Duration.ofMillis(250);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final URI commandUrl;
    private final String runId;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("traffic-ticks").daemon().factory());
    private volatile boolean sending = true;

    /**
     * Starts sending: every sender posts one message per {@code interval} (spread over the interval), while the
     * previous one has been answered.
     *
     * @param runId prefix of the client message ids, unique per run
     */
    public Traffic(String commandUrl, String runId, List<Sender> senders, Duration interval) {
        this.commandUrl = URI.create(commandUrl);
        this.runId = runId;
        for (int i = 0; i < senders.size(); i++) {
            Lane lane = new Lane(senders.get(i));
            lanes.add(lane);
            long offset = interval.toMillis() * i / senders.size();
            ticks.scheduleAtFixedRate(lane::tick, offset, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The accepted messages of a chat, in the order they were accepted. */
    public List<Receipt> accepted(String chatId) {
        return lanes.stream().filter(lane -> lane.sender.chatId().equals(chatId)).findFirst()
                .map(lane -> List.copyOf(lane.accepted)).orElseThrow();
    }

    /** How many messages were accepted so far, over all senders. */
    public int acceptedCount() {
        return lanes.stream().mapToInt(lane -> lane.accepted.size()).sum();
    }

    /** Every send that was not accepted, in the order they failed. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Waits until every sender has had {@code count} more messages accepted than now. */
    public void awaitProgress(int count, Duration atMost) {
        List<Integer> before = lanes.stream().map(lane -> lane.accepted.size()).toList();
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).accepted.size() < before.get(i) + count) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Stops making new messages and waits until every message made so far is accepted. */
    public void finish(Duration atMost) {
        sending = false;
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> lanes.stream().allMatch(Lane::idle));
    }

    @Override
    public void close() {
        sending = false;
        ticks.shutdownNow();
        http.close();
    }

    /** One sender's state: the message being sent (until accepted), and when it may be tried again. */
    private final class Lane {

        final Sender sender;
        final List<Receipt> accepted = new CopyOnWriteArrayList<>();
        int next = 1;
        String pending;
        boolean inFlight;
        long notBefore;

        Lane(Sender sender) {
            this.sender = sender;
            this.notBefore = System.nanoTime();
        }

        synchronized boolean idle() {
            return pending == null && !inFlight;
        }

        synchronized void tick() {
            if (inFlight) {
                return;
            }
            if (pending == null) {
                if (!sending) {
                    return;
                }
                pending = runId + "-" + sender.name() + "-" + next++;
            }
            if (System.nanoTime() - notBefore < 0) {
                return;
            }
            inFlight = true;
            String clientMessageId = pending;
            String body = PlatformApi.JSON.writeValueAsString(Map.of("clientMessageId", clientMessageId,
                    "text", "message " + clientMessageId));
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            commandUrl.resolve("/v1/sdk/chats/" + sender.chatId() + "/messages"))
                    .timeout(SEND_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            sender.headers().forEach(request::header);
            long started = System.nanoTime();
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> answered(clientMessageId, started, response, error));
        }

        synchronized void answered(String clientMessageId, long started, HttpResponse<String> response,
                                   Throwable error) {
            inFlight = false;
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (response != null && response.statusCode() / 100 == 2) {
                JsonNode receipt = PlatformApi.JSON.readTree(response.body());
                accepted.add(new Receipt(clientMessageId, receipt.get("messageId").asString(),
                        receipt.get("sequence").asLong(), response.statusCode()));
                pending = null;
                return;
            }
            Duration wait = RETRY_WITHOUT_HINT;
            if (response == null) {
                failures.add(new Failure(clientMessageId, 0, null, null, null, millis, String.valueOf(error)));
            } else {
                String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                String problemType = null;
                try {
                    problemType = PlatformApi.JSON.readTree(response.body()).path("type").asString(null);
                } catch (RuntimeException notJson) {
                    // recorded as is: the reconciliation fails on anything but a problem
                }
                failures.add(new Failure(clientMessageId, response.statusCode(), retryAfter,
                        response.headers().firstValue("Content-Type").orElse(null), problemType, millis,
                        response.body()));
                if (retryAfter != null && retryAfter.matches("\\d+")) {
                    wait = Duration.ofSeconds(Long.parseLong(retryAfter));
                }
            }
            notBefore = System.nanoTime() + wait.toNanos();
        }
    }
}
