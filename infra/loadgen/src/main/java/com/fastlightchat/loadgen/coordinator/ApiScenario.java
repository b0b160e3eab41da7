package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.monitor.ProcessSampler;
import com.fastlightchat.loadgen.report.Goal;
import com.fastlightchat.loadgen.report.Latency;
import com.fastlightchat.loadgen.socket.BenchMessages;
import com.fastlightchat.loadgen.socket.LatencyLog;
import org.HdrHistogram.Histogram;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * {@code api}: the command API and the query API, each at {@code --rate} requests/s for {@code --step} (after a
 * {@code --warmup}; before them every chat gets a first message and reply at {@code --opening-rate}), open loop; latency of every endpoint from the planned send time to the complete answer.
 * Commands: end users post messages (SDK) and agents reply (three to one). Queries: a user's message page, a user's
 * chat, an agent's inbox page, inbox counts and one chat's inbox row, in turn.
 */
final class ApiScenario {

    /** One kind of request: its label and how to build it for the i-th call. */
    private record Endpoint(String label, BiFunction<Long, Long, HttpRequest> request) {
    }

    private final BenchRun run;
    private final int users;
    private final int agents;
    private final int orgs;
    private final double rate;
    private final Duration step;
    private final Duration warmup;

    ApiScenario(BenchRun run) {
        this.run = run;
        this.users = run.args.integer("users", 2000);
        this.agents = run.args.integer("agents", 20);
        this.orgs = run.args.integer("orgs", 10);
        this.rate = run.args.decimal("rate", 1000);
        this.step = run.args.duration("step", Duration.ofSeconds(60));
        this.warmup = run.args.duration("warmup", Duration.ofSeconds(20));
    }

    void run() {
        BenchRun.Stack stack = run.startStack(1);
        Map<String, Object> setup = new LinkedHashMap<>();
        Identities ids = run.identities(stack, orgs, agents, users, setup);
        run.report.put("setup", setup);
        String command = stack.commandUrl();
        String query = stack.queryUrl();
        List<Endpoint> commands = List.of(
                new Endpoint("POST /v1/sdk/chats/{id}/messages", (i, planned) -> userPost(command, ids, i, planned)),
                new Endpoint("POST /v1/sdk/chats/{id}/messages", (i, planned) -> userPost(command, ids, i, planned)),
                new Endpoint("POST /v1/sdk/chats/{id}/messages", (i, planned) -> userPost(command, ids, i, planned)),
                new Endpoint("POST /v1/chats/{id}/messages (agent)", (i, planned) -> agentPost(command, ids, i, planned)));
        List<Endpoint> queries = List.of(
                new Endpoint("GET /v1/sdk/chats/{id}/messages", (i, planned) -> {
                    Identities.User user = user(ids, i);
                    return Http.get(query + "/v1/sdk/chats/" + user.chatId() + "/messages?after=0&limit=20", sdk(user));
                }),
                new Endpoint("GET /v1/sdk/chats/{id}", (i, planned) -> {
                    Identities.User user = user(ids, i);
                    return Http.get(query + "/v1/sdk/chats/" + user.chatId(), sdk(user));
                }),
                new Endpoint("GET /v1/inbox", (i, planned) -> Http.get(query + "/v1/inbox?folder=all&limit=25",
                        Identities.bearer(agentOf(ids, user(ids, i), i).token()))),
                new Endpoint("GET /v1/inbox/counts", (i, planned) -> Http.get(query + "/v1/inbox/counts",
                        Identities.bearer(agentOf(ids, user(ids, i), i).token()))),
                new Endpoint("GET /v1/chats/{id}", (i, planned) -> {
                    Identities.User user = user(ids, i);
                    return Http.get(query + "/v1/chats/" + user.chatId(),
                            Identities.bearer(agentOf(ids, user, i).token()));
                }));
        open(ids, command);
        AtomicLong index = new AtomicLong();
        Map<String, Object> commandJson = phase("commands", commands, index);
        Map<String, Object> queryJson = phase("queries", queries, index);
        run.report.put("commands", commandJson);
        run.report.put("queries", queryJson);
        run.report.goal(Goal.atMost("floor", "command p99 at " + Goal.format(rate) + " req/s", 150,
                p99(commandJson), " ms"));
        run.report.goal(Goal.atMost("floor", "query p99 at " + Goal.format(rate) + " req/s", 150,
                p99(queryJson), " ms"));
        run.report.goal(Goal.atMost("goal", "command p99 at " + Goal.format(rate) + " req/s", 50, p99(commandJson),
                " ms"));
        run.report.goal(Goal.atMost("goal", "query p99 at " + Goal.format(rate) + " req/s", 20, p99(queryJson),
                " ms"));
        run.report.goal(Goal.atMost("floor", "command errors", 0, errors(commandJson), ""));
        run.report.goal(Goal.atMost("floor", "query errors", 0, errors(queryJson), ""));
    }

    @SuppressWarnings("unchecked")
    private static double p99(Map<String, Object> phase) {
        return ((Number) ((Map<String, Object>) phase.get("all")).get("p99Ms")).doubleValue();
    }

    private static long errors(Map<String, Object> phase) {
        return ((Number) phase.get("errors")).longValue();
    }

    private static Identities.User user(Identities ids, long i) {
        return ids.users.get((int) (i % ids.users.size()));
    }

    private static Identities.Agent agentOf(Identities ids, Identities.User user, long i) {
        List<Identities.Agent> agents = ids.orgs.get(user.org()).agents();
        return agents.get((int) (i / ids.users.size() % agents.size()));
    }

    private static Map<String, String> sdk(Identities.User user) {
        return Map.of("X-Plugin-Key", user.pluginKey(), "X-User-Token", user.userToken());
    }

    /**
     * Every chat gets its user's first message and an agent's first reply before anything is measured, at
     * {@code --opening-rate} requests/s (0: not): the windows measure conversations under way, not conversations
     * starting (a chat's first message also makes its user's data key).
     */
    private void open(Identities ids, String command) {
        double openingRate = run.args.decimal("opening-rate", 200);
        if (openingRate <= 0) {
            return;
        }
        int requests = 2 * ids.users.size();
        LatencyLog all = new LatencyLog();
        LongAdder started = new LongAdder();
        LongAdder answered = new LongAdder();
        LongAdder errors = new LongAdder();
        FixedRate.Operation operation = (i, planned) -> {
            if (i >= requests) {
                return;
            }
            started.increment();
            HttpRequest request = i < ids.users.size() ? userPost(command, ids, i, planned)
                    : agentPost(command, ids, i - ids.users.size(), planned);
            run.http.statusAsync(request).whenComplete((status, error) -> {
                all.record(BenchMessages.nowMicros() - planned);
                if (error != null || status < 200 || status >= 300) {
                    errors.increment();
                }
                answered.increment();
            });
        };
        run.progress.phase("first message and reply of every chat", () -> status(started, answered, errors, all));
        FixedRate.run(openingRate, Duration.ofMillis((long) Math.ceil(requests * 1000.0 / openingRate)), 0,
                operation);
        awaitAnswers(started, answered);
        run.report.put("opening", Map.of("requests", started.sum(), "errors", errors.sum(),
                "ratePerSecond", openingRate, "latency", Latency.of(all.total()).json()));
    }

    private static HttpRequest agentPost(String command, Identities ids, long i, long planned) {
        Identities.User user = user(ids, i);
        Identities.Agent agent = agentOf(ids, user, i);
        return Http.post(command + "/v1/chats/" + user.chatId() + "/messages", Identities.bearer(agent.token()),
                "{\"clientMessageId\":\"" + BenchMessages.clientMessageId(planned, i) + "\",\"text\":\"Happy to help!\"}");
    }

    private static HttpRequest userPost(String command, Identities ids, long i, long planned) {
        Identities.User user = user(ids, i);
        return Http.post(command + "/v1/sdk/chats/" + user.chatId() + "/messages", sdk(user),
                "{\"clientMessageId\":\"" + BenchMessages.clientMessageId(planned, i)
                        + "\",\"text\":\"Hello, where is my parcel?\"}");
    }

    private Map<String, Object> phase(String name, List<Endpoint> endpoints, AtomicLong index) {
        Map<String, LatencyLog> latency = new ConcurrentHashMap<>();
        Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
        LatencyLog all = new LatencyLog();
        LongAdder started = new LongAdder();
        LongAdder answered = new LongAdder();
        LongAdder errors = new LongAdder();
        FixedRate.Operation operation = (i, planned) -> {
            Endpoint endpoint = endpoints.get((int) (i % endpoints.size()));
            started.increment();
            run.http.statusAsync(endpoint.request().apply(i, planned)).whenComplete((status, error) -> {
                long micros = BenchMessages.nowMicros() - planned;
                latency.computeIfAbsent(endpoint.label(), l -> new LatencyLog()).record(micros);
                all.record(micros);
                int code = error == null ? status : 0;
                statuses.computeIfAbsent(endpoint.label(), l -> new ConcurrentHashMap<>())
                        .computeIfAbsent(code, c -> new LongAdder()).increment();
                if (code < 200 || code >= 300) {
                    errors.increment();
                }
                answered.increment();
            });
        };
        if (!warmup.isZero()) {
            run.progress.phase(name + ": warm-up", () -> status(started, answered, errors, all));
            index.addAndGet(FixedRate.run(rate, warmup, index.get(), operation));
            awaitAnswers(started, answered);
        }
        latency.clear();
        statuses.clear();
        all.reset();
        errors.reset();
        ProcessSampler.Mark mark = run.sampler.mark();
        run.progress.phase(name + " at " + Goal.format(rate) + " req/s",
                () -> status(started, answered, errors, all));
        index.addAndGet(FixedRate.run(rate, step, index.get(), operation));
        ProcessSampler.Usage usage = run.sampler.since(mark);
        run.progress.phase(name + ": awaiting answers", () -> status(started, answered, errors, all));
        awaitAnswers(started, answered);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ratePerSecond", rate);
        json.put("seconds", step.toSeconds());
        Histogram total = all.total();
        json.put("all", Latency.of(total).json());
        json.put("errors", errors.sum());
        json.put("unanswered", started.sum() - answered.sum());
        Map<String, Object> byEndpoint = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("## " + name + " at " + Goal.format(rate) + " requests/s\n\n"
                + Latency.header() + "\n");
        latency.forEach((label, log) -> {
            Histogram h = log.total();
            Map<String, Object> e = new LinkedHashMap<>(Latency.of(h).json());
            Map<Integer, Long> codes = new java.util.TreeMap<>();
            statuses.getOrDefault(label, Map.of()).forEach((code, count) -> codes.put(code, count.sum()));
            e.put("statuses", codes);
            byEndpoint.put(label, e);
            table.append(Latency.of(h).row("`" + label + "`")).append('\n');
            run.report.plot(label, h);
        });
        table.append(Latency.of(total).row("**all**")).append('\n');
        json.put("endpoints", byEndpoint);
        Map<String, Double> cores = new LinkedHashMap<>();
        usage.cpuSeconds().forEach((group, seconds) -> cores.put(group, BenchRun.round(usage.cores(group))));
        json.put("cpuCoresByProcess", cores);
        json.put("loadAverage", Map.of("mean", BenchRun.round(usage.loadMean()), "max", usage.loadMax()));
        json.put("othersCpuCores", BenchRun.round(usage.othersCores()));
        table.append("\nCPU cores by process: ").append(cores).append("; errors: ").append(errors.sum());
        run.report.markdown(table.toString());
        run.progress.say(String.format("%s: %,d requests, p50 %s ms, p99 %s ms, max %s ms, %,d errors", name,
                total.getTotalCount(), Latency.of(total).p50(), Latency.of(total).p99(), Latency.of(total).max(),
                errors.sum()));
        return json;
    }

    private static String status(LongAdder started, LongAdder answered, LongAdder errors, LatencyLog all) {
        Histogram interval = all.interval();
        return String.format("started %,d answered %,d errors %,d · last 2s p50 %.1f p99 %.1f ms · load %s",
                started.sum(), answered.sum(), errors.sum(), interval.getValueAtPercentile(50) / 1000.0,
                interval.getValueAtPercentile(99) / 1000.0, SocketScenario.loadAverage());
    }

    /** Every request is waited for (a request still unanswered would drop out of the tail), up to 15 minutes. */
    private static void awaitAnswers(LongAdder started, LongAdder answered) {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (answered.sum() < started.sum() && System.nanoTime() < deadline) {
            BenchRun.sleep(Duration.ofMillis(100));
        }
    }
}
