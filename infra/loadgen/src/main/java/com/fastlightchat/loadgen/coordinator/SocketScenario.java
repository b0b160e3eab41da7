package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.monitor.ProcessSampler;
import com.fastlightchat.loadgen.report.Goal;
import com.fastlightchat.loadgen.report.Latency;
import com.fastlightchat.loadgen.socket.SocketSpec;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The socket scenarios, run against our platform and then, in the same run, against the reference server:
 * <ul>
 *   <li>{@code connections}: hold {@code --users × --devices} end-user sockets (each joined to its user's chat) and
 *       {@code --agents} agent sockets for {@code --hold}, with a probe of {@code --probe-rate} messages/s; reports
 *       sockets held, unexpected disconnects, memory per connection and CPU per process;</li>
 *   <li>{@code e2e}: with every socket connected, users post at each of {@code --rates} messages/s for
 *       {@code --step} (after every chat's first message at {@code --opening-rate}, then a {@code --warmup});
 *       latency from the planned send time to the arrival on every socket
 *       of the chat (the user's devices) and of the organization (its agents), messages lost and duplicated, and
 *       deliveries per CPU-second of the socket servers.</li>
 * </ul>
 */
final class SocketScenario {

    private final BenchRun run;
    private final Args args;
    private final int users;
    private final int devices;
    private final int agents;
    private final int orgs;
    private final int edges;
    private final Duration hold;
    private final double probeRate;
    private final List<Double> rates;
    private final Duration step;
    private final Duration warmup;
    private final double openingRate;
    private final boolean reference;
    private final boolean deflate;
    private final int perWorker;
    private final int workerThreads;
    private final int concurrency;
    private final List<String> workerJvm;

    SocketScenario(BenchRun run, boolean endToEnd) {
        this.run = run;
        this.args = run.args;
        this.users = args.integer("users", endToEnd ? 5000 : 10000);
        this.devices = args.integer("devices", endToEnd ? 2 : 1);
        this.agents = args.integer("agents", 20);
        this.orgs = args.integer("orgs", 10);
        this.edges = args.integer("edges", 1);
        this.hold = args.duration("hold", endToEnd ? Duration.ZERO : Duration.ofMinutes(2));
        this.probeRate = args.decimal("probe-rate", endToEnd ? 0 : 20);
        this.rates = args.decimals("rates", endToEnd ? List.of(500.0) : List.of());
        this.step = args.duration("step", Duration.ofSeconds(60));
        this.warmup = args.duration("warmup", Duration.ofSeconds(15));
        this.openingRate = args.decimal("opening-rate", endToEnd ? 200 : 0);
        this.reference = args.flag("reference", true);
        this.deflate = args.flag("deflate", true);
        this.perWorker = args.integer("sockets-per-worker", 15000);
        this.workerThreads = args.integer("worker-threads", 1);
        this.concurrency = args.integer("concurrency", 100);
        this.workerJvm = List.of(args.text("worker-jvm", BenchRun.WORKER_JVM).split("\\s+"));
        if (perWorker > 19_000) {
            throw new IllegalArgumentException("--sockets-per-worker must stay below the 20,000 open files a process "
                    + "may hold here (each worker also needs a few dozen files of its own)");
        }
    }

    int sockets() {
        return users * devices + agents;
    }

    void run() {
        BenchRun.Stack stack = run.startStack(edges);
        Map<String, Object> setup = new LinkedHashMap<>();
        Identities ids = run.identities(stack, orgs, agents, users, setup);
        setup.put("devicesPerUser", devices);
        setup.put("sockets", sockets());
        setup.put("workers", workerCount());
        setup.put("deflateOffered", deflate);
        run.report.put("setup", setup);

        Target ours = new Target.Ours(stack.commandUrl(), stack.edgePorts(), stack.edgePids(),
                edgeHttpUrls(stack));
        Map<String, Object> oursJson = runTarget(ours, ids);
        run.report.put("ours", oursJson);
        Map<String, Object> referenceJson = null;
        if (reference) {
            Target.Reference node = run.startReference();
            referenceJson = runTarget(node, ids);
            run.report.put("reference", referenceJson);
        }
        evaluate(oursJson, referenceJson);
    }

    private static Map<String, String> edgeHttpUrls(BenchRun.Stack stack) {
        Map<String, String> urls = new LinkedHashMap<>();
        stack.serviceUrls().forEach((name, url) -> {
            if (name.startsWith("realtime-edge")) {
                urls.put(name, url);
            }
        });
        return urls;
    }

    private int workerCount() {
        return Math.max(1, (sockets() + perWorker - 1) / perWorker);
    }

    /** Every socket of the run: each user's devices (joined to their chat), then each agent's dashboard. */
    private List<SocketSpec> plan(Target target, Identities ids) {
        List<Integer> ports = target.ports();
        List<SocketSpec> sockets = new ArrayList<>(sockets());
        int n = 0;
        for (Identities.User user : ids.users) {
            for (int d = 0; d < devices; d++) {
                sockets.add(new SocketSpec("/sdk", target.deviceAuth(user), List.of(user.chatId()),
                        SocketSpec.Kind.DEVICE, ports.get(n++ % ports.size()), "d:" + user.index() + ":" + d));
            }
        }
        for (Identities.Org org : ids.orgs) {
            for (int a = 0; a < org.agents().size(); a++) {
                sockets.add(new SocketSpec("/agent", target.agentAuth(org, org.agents().get(a)), List.of(),
                        SocketSpec.Kind.AGENT, ports.get(n++ % ports.size()), "a:" + org.index() + ":" + a));
            }
        }
        return sockets;
    }

    private Map<String, Object> runTarget(Target target, Identities ids) {
        String name = target.name();
        Map<String, Object> json = new LinkedHashMap<>();
        try (Workers workers = new Workers(workerCount(), deflate, workerThreads, workerJvm, run.logs.resolve(name),
                run.sampler)) {
            json.put("workers", workers.pids().size());
            Map<String, Target.Memory> before = target.memory(run.http, true);
            List<SocketSpec> sockets = plan(target, ids);
            long started = System.nanoTime();
            ProcessSampler.Mark connectMark = run.sampler.mark();
            workers.open(sockets, concurrency);
            run.progress.phase(name + ": connect", () -> {
                Map<String, Long> p = workers.progress();
                return String.format("sockets ready %,d/%,d, connected %,d, failed %,d, disconnected %,d",
                        p.getOrDefault("ready", 0L), sockets.size(), p.getOrDefault("connectedNow", 0L),
                        p.getOrDefault("setupFailures", 0L), p.getOrDefault("unexpectedDisconnects", 0L));
            });
            workers.awaitOpened(Duration.ofSeconds(Math.max(600, sockets.size() / 20)));
            double connectSeconds = (System.nanoTime() - started) / 1e9;
            ProcessSampler.Usage connectUsage = run.sampler.since(connectMark);
            Workers.Stats opened = workers.stats(true);
            run.progress.say(String.format("%s: %,d of %,d sockets ready in %.1f s (%,.0f/s), %,d failed %s",
                    name, opened.ready(), sockets.size(), connectSeconds, opened.ready() / connectSeconds,
                    opened.setupFailures(), opened.failureReasons().isEmpty() ? "" : opened.failureReasons()));
            Map<String, Object> connect = new LinkedHashMap<>();
            connect.put("sockets", sockets.size());
            connect.put("ready", opened.ready());
            connect.put("setupFailures", opened.setupFailures());
            connect.put("failureReasons", opened.failureReasons());
            connect.put("joinRetries", opened.joinRetries());
            connect.put("seconds", BenchRun.round(connectSeconds));
            connect.put("perSecond", Math.round(opened.ready() / connectSeconds));
            connect.put("handshake", Latency.of(opened.connect()).json());
            connect.put("join", Latency.of(opened.join()).json());
            connect.put("cpuCoresByProcess", cores(connectUsage));
            json.put("connect", connect);

            Receivers receivers = new Receivers(ids, devices, opened.lostSockets());
            BenchRun.sleep(Duration.ofSeconds(5));
            Map<String, Target.Memory> after = target.memory(run.http, true);
            json.put("memory", memory(before, after, opened.ready()));

            MessageSender sender = new MessageSender(run.http, target, ids.users, receivers::of);
            AtomicLong index = new AtomicLong();
            if (!hold.isZero()) {
                if (probeRate > 0 && !warmup.isZero()) {
                    send(name + ": warm-up", workers, sender, index, probeRate, warmup);
                    drain(workers, sender);
                }
                json.put("hold", phase(name + ": hold", target, workers, sender, index, probeRate, hold, false));
            }
            if (openingRate > 0 && !rates.isEmpty()) {
                // Every chat gets its first message before anything is measured: the windows measure conversations
                // under way, not conversations starting (a chat's first message also makes its user's data key and
                // its unread badges, one-time work that a 60 s window would otherwise mostly consist of).
                long seconds = (long) Math.ceil(ids.users.size() / openingRate);
                send(name + ": first message of every chat", workers, sender, index, openingRate,
                        Duration.ofSeconds(seconds));
                drain(workers, sender);
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < rates.size(); i++) {
                double rate = rates.get(i);
                if (i == 0 && !warmup.isZero()) {
                    send(name + ": warm-up", workers, sender, index, rate, warmup);
                    drain(workers, sender);
                }
                steps.add(phase(name + ": " + Goal.formatRate(rate), target, workers, sender, index, rate, step, true));
            }
            if (!steps.isEmpty()) {
                json.put("steps", steps);
            }
            drain(workers, sender);
            Workers.Stats end = workers.stats(false);
            json.put("totals", totals(sender, end));
            workers.closeSockets();
        }
        return json;
    }

    /** One measured window: sockets held, deliveries and their latency, CPU and memory of every process. */
    private Map<String, Object> phase(String label, Target target, Workers workers, MessageSender sender,
                                      AtomicLong index, double rate, Duration duration, boolean isStep) {
        workers.stats(true);
        sender.latency().reset();
        long deliveredBefore = workers.progress().getOrDefault("delivered", 0L);
        long acceptedBefore = sender.accepted();
        ProcessSampler.Mark mark = run.sampler.mark();
        send(label, workers, sender, index, rate, duration);
        drain(workers, sender);
        ProcessSampler.Usage usage = run.sampler.since(mark);
        Workers.Stats stats = workers.stats(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ratePerSecond", rate);
        json.put("seconds", duration.toSeconds());
        json.put("socketsHeld", stats.connectedNow());
        json.put("unexpectedDisconnects", stats.unexpectedDisconnects());
        json.put("messagesAccepted", sender.accepted() - acceptedBefore);
        long delivered = stats.delivered() - deliveredBefore;
        json.put("deliveries", delivered);
        Histogram all = new Histogram(3);
        Histogram allSince = new Histogram(3);
        Map<String, Object> latency = new LinkedHashMap<>();
        for (var kind : stats.kinds().entrySet()) {
            all.add(kind.getValue().latency());
            allSince.add(kind.getValue().sinceOccurred());
            latency.put(kind.getKey().name().toLowerCase() + "s", Latency.of(kind.getValue().latency()).json());
        }
        latency.put("all", Latency.of(all).json());
        latency.put("sinceServerTimestamp", Latency.of(allSince).json());
        latency.put("post", Latency.of(sender.latency().total()).json());
        json.put("latency", latency);
        double serverCpu = target.serverPids().keySet().stream().mapToDouble(g -> usage.cpuSeconds().getOrDefault(g, 0.0)).sum();
        json.put("socketServerCpuSeconds", BenchRun.round(serverCpu));
        json.put("deliveriesPerCpuSecond", serverCpu > 0 ? Math.round(delivered / serverCpu) : 0);
        json.put("cpuCoresByProcess", cores(usage));
        json.put("rssMiBByProcess", BenchRun.roundAll(usage.rssMiBLast()));
        json.put("loadAverage", Map.of("mean", BenchRun.round(usage.loadMean()), "max", usage.loadMax()));
        json.put("othersCpuCores", BenchRun.round(usage.othersCores()));
        String series = target.name() + (isStep ? " @" + Goal.formatRate(rate) : " (probe)");
        for (var kind : stats.kinds().entrySet()) {
            run.report.plot(series + ": " + kind.getKey().name().toLowerCase() + "s", kind.getValue().latency());
        }
        run.progress.say(String.format("%s: %,d deliveries, p50 %s ms, p99 %s ms, max %s ms; %,d per CPU-second",
                label, delivered, Latency.of(all).p50(), Latency.of(all).p99(), Latency.of(all).max(),
                serverCpu > 0 ? Math.round(delivered / serverCpu) : 0));
        return json;
    }

    private void send(String label, Workers workers, MessageSender sender, AtomicLong index, double rate,
                      Duration duration) {
        run.progress.phase(label, () -> status(workers, sender));
        if (rate <= 0) {
            BenchRun.sleep(duration);
            return;
        }
        long count = FixedRate.run(rate, duration, index.get(), sender::send);
        index.addAndGet(count);
    }

    private String status(Workers workers, MessageSender sender) {
        Map<String, Long> p = workers.progress();
        return String.format("sent %,d ok %,d failed %,d queued %,d · delivered %,d/%,d · last 1s p50 %.1f p99 "
                        + "%.1f ms · sockets %,d · disconnects %,d · load %s",
                sender.started(), sender.accepted(), sender.failed(), run.http.queued(), p.getOrDefault("delivered", 0L),
                sender.expectedDeliveries(), p.getOrDefault("intervalP50", 0L) / 1000.0,
                p.getOrDefault("intervalP99", 0L) / 1000.0, p.getOrDefault("connectedNow", 0L),
                p.getOrDefault("unexpectedDisconnects", 0L), loadAverage());
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * Waits until every post is answered and every expected delivery arrived, or nothing arrived for 10 s (a
     * backlog that still drains is waited for, up to 10 minutes: late is not lost).
     */
    private void drain(Workers workers, MessageSender sender) {
        run.progress.phase("drain", () -> status(workers, sender));
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long last = -1;
        long stillSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long delivered = workers.progress().getOrDefault("delivered", 0L);
            if (sender.idle() && delivered >= sender.expectedDeliveries()) {
                BenchRun.sleep(Duration.ofMillis(1500)); // one more progress tick: duplicates show up too
                return;
            }
            if (delivered != last) {
                last = delivered;
                stillSince = System.nanoTime();
            } else if (sender.idle() && System.nanoTime() - stillSince > Duration.ofSeconds(10).toNanos()) {
                return;
            }
            BenchRun.sleep(Duration.ofMillis(250));
        }
    }

    private Map<String, Object> totals(MessageSender sender, Workers.Stats end) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("messagesSent", sender.started());
        totals.put("messagesAccepted", sender.accepted());
        totals.put("messagesFailed", sender.failed());
        totals.put("postRetries", sender.retries());
        totals.put("postStatuses", sender.statuses());
        totals.put("deliveriesExpected", sender.expectedDeliveries());
        totals.put("deliveries", end.delivered());
        totals.put("lost", Math.max(0, sender.expectedDeliveries() - end.delivered()));
        totals.put("unexpectedExtra", Math.max(0, end.delivered() - sender.expectedDeliveries()));
        totals.put("duplicated", end.benchDuplicates());
        totals.put("duplicateEventsAll", end.duplicates());
        totals.put("gaps", end.gaps());
        totals.put("resyncRequired", end.resyncRequired());
        totals.put("unexpectedDisconnects", end.unexpectedDisconnects());
        totals.put("socketsHeldAtEnd", end.connectedNow());
        totals.put("malformedFrames", end.malformed());
        return totals;
    }

    private static Map<String, Double> cores(ProcessSampler.Usage usage) {
        Map<String, Double> cores = new LinkedHashMap<>();
        usage.cpuSeconds().forEach((group, seconds) -> cores.put(group, BenchRun.round(usage.cores(group))));
        return cores;
    }

    private Map<String, Object> memory(Map<String, Target.Memory> before, Map<String, Target.Memory> after,
                                       long sockets) {
        Map<String, Object> json = new LinkedHashMap<>();
        long rss = 0;
        long heap = 0;
        for (String process : after.keySet()) {
            Target.Memory b = before.get(process);
            Target.Memory a = after.get(process);
            json.put(process, Map.of("rssBeforeMiB", mib(b.rss()), "rssAfterMiB", mib(a.rss()),
                    "heapBeforeMiB", mib(b.heapUsed()), "heapAfterMiB", mib(a.heapUsed())));
            rss += a.rss() - b.rss();
            heap += a.heapUsed() - b.heapUsed();
        }
        json.put("rssPerConnectionKiB", sockets == 0 ? 0 : BenchRun.round(rss / 1024.0 / sockets));
        json.put("heapPerConnectionKiB", sockets == 0 ? 0 : BenchRun.round(heap / 1024.0 / sockets));
        return json;
    }

    private static double mib(long bytes) {
        return BenchRun.round(bytes / 1048576.0);
    }

    /** How many sockets receive each user's messages: their devices and their organization's agents, less those lost. */
    private static final class Receivers {
        private final Map<Integer, Integer> missingDevices = new ConcurrentHashMap<>();
        private final Map<Integer, Integer> missingAgents = new ConcurrentHashMap<>();
        private final Identities ids;
        private final int devices;

        Receivers(Identities ids, int devices, List<String> lostSockets) {
            this.ids = ids;
            this.devices = devices;
            for (String id : lostSockets) {
                String[] parts = id.split(":");
                if (parts[0].equals("d")) {
                    missingDevices.merge(Integer.parseInt(parts[1]), 1, Integer::sum);
                } else {
                    missingAgents.merge(Integer.parseInt(parts[1]), 1, Integer::sum);
                }
            }
        }

        int of(Identities.User user) {
            return devices - missingDevices.getOrDefault(user.index(), 0)
                    + ids.orgs.get(user.org()).agents().size() - missingAgents.getOrDefault(user.org(), 0);
        }
    }

    @SuppressWarnings("unchecked")
    private void evaluate(Map<String, Object> ours, Map<String, Object> reference) {
        var report = run.report;
        Map<String, Object> connect = (Map<String, Object>) ours.get("connect");
        Map<String, Object> totals = (Map<String, Object>) ours.get("totals");
        long held = ((Number) totals.get("socketsHeldAtEnd")).longValue();
        long disconnects = ((Number) totals.get("unexpectedDisconnects")).longValue();
        report.goal(Goal.atLeast("floor", "sockets held (ours)", 10_000, held, ""));
        report.goal(Goal.atMost("floor", "unexpected disconnects (ours)", 0, disconnects, ""));
        if (edges == 1) {
            report.goal(Goal.atLeast("goal", "sockets held by one edge instance", 19_000, held, ""));
        } else if (edges == 2) {
            report.goal(Goal.atLeast("goal", "sockets held by two edge instances", 35_000, held, ""));
        }
        List<Map<String, Object>> windows = new ArrayList<>();
        if (ours.get("hold") != null) {
            windows.add((Map<String, Object>) ours.get("hold"));
        }
        if (ours.get("steps") != null) {
            windows.addAll((List<Map<String, Object>>) ours.get("steps"));
        }
        long sent = ((Number) totals.get("messagesSent")).longValue();
        if (sent > 0) {
            report.goal(Goal.atMost("floor", "messages lost (ours)", 0, ((Number) totals.get("lost")).longValue(), ""));
            report.goal(Goal.atMost("floor", "messages duplicated (ours)", 0,
                    ((Number) totals.get("duplicated")).longValue(), ""));
        }
        double highest = 0;
        for (Map<String, Object> window : windows) {
            Map<String, Object> latency = (Map<String, Object>) window.get("latency");
            double rate = ((Number) window.get("ratePerSecond")).doubleValue();
            double p99 = p(latency, "all", "p99Ms");
            if (((Number) ((Map<String, Object>) latency.get("all")).get("count")).longValue() == 0) {
                continue;
            }
            String at = " at " + Goal.formatRate(rate) + " with " + String.format("%,d", ((Number) window.get("socketsHeld")).longValue()) + " sockets";
            report.goal(Goal.atMost("floor", "push p99, post to socket (ours)" + at, 150, p99, " ms"));
            report.goal(Goal.atMost("floor", "HTTP post p99 (ours)" + at, 150, p(latency, "post", "p99Ms"), " ms"));
            if (rate >= 500 && ((Number) window.get("socketsHeld")).longValue() >= 10_000) {
                report.goal(Goal.atMost("goal", "push p50 (ours)" + at, 10, p(latency, "all", "p50Ms"), " ms"));
                report.goal(Goal.atMost("goal", "push p99 (ours)" + at, 50, p99, " ms"));
            }
            if (p99 <= 150) {
                highest = Math.max(highest, rate);
            }
        }
        if (ours.get("steps") != null) {
            run.report.put("highestRateWithinP99_150ms", highest);
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("sockets ready", connect, reference, "connect", "ready"));
        rows.add(row("connect time (s)", connect, reference, "connect", "seconds"));
        rows.add(List.of("sockets held at end", held, reference == null ? "" : ((Map<String, Object>) reference.get("totals")).get("socketsHeldAtEnd")));
        Map<String, Object> ourMemory = (Map<String, Object>) ours.get("memory");
        if (reference != null) {
            Map<String, Object> refMemory = (Map<String, Object>) reference.get("memory");
            double ourRss = ((Number) ourMemory.get("rssPerConnectionKiB")).doubleValue();
            double refRss = ((Number) refMemory.get("rssPerConnectionKiB")).doubleValue();
            report.goal(Goal.atMost("goal", "memory per connection (RSS), ours vs reference", refRss, ourRss, " KiB"));
            Map<String, Object> comparison = new LinkedHashMap<>();
            comparison.put("rssPerConnectionRatio", refRss > 0 ? BenchRun.round(ourRss / refRss) : null);
            List<Map<String, Object>> refWindows = new ArrayList<>();
            if (reference.get("hold") != null) {
                refWindows.add((Map<String, Object>) reference.get("hold"));
            }
            if (reference.get("steps") != null) {
                refWindows.addAll((List<Map<String, Object>>) reference.get("steps"));
            }
            List<Map<String, Object>> byWindow = new ArrayList<>();
            for (int i = 0; i < Math.min(windows.size(), refWindows.size()); i++) {
                Map<String, Object> o = windows.get(i);
                Map<String, Object> r = refWindows.get(i);
                double ourDeliveries = ((Number) o.get("deliveriesPerCpuSecond")).doubleValue();
                double refDeliveries = ((Number) r.get("deliveriesPerCpuSecond")).doubleValue();
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("ratePerSecond", o.get("ratePerSecond"));
                w.put("deliveriesPerCpuSecondRatio", refDeliveries > 0 ? BenchRun.round(ourDeliveries / refDeliveries) : null);
                Map<String, Object> ol = (Map<String, Object>) o.get("latency");
                Map<String, Object> rl = (Map<String, Object>) r.get("latency");
                w.put("pushP50Ratio", ratio(p(ol, "all", "p50Ms"), p(rl, "all", "p50Ms")));
                w.put("pushP99Ratio", ratio(p(ol, "all", "p99Ms"), p(rl, "all", "p99Ms")));
                w.put("sinceServerTimestampP99Ratio", ratio(p(ol, "sinceServerTimestamp", "p99Ms"),
                        p(rl, "sinceServerTimestamp", "p99Ms")));
                byWindow.add(w);
                if (((Number) ((Map<String, Object>) ol.get("all")).get("count")).longValue() > 0) {
                    report.goal(Goal.atLeast("goal", "deliveries per CPU-second at " + Goal.formatRate(
                            ((Number) o.get("ratePerSecond")).doubleValue()) + ", ours vs reference",
                            refDeliveries, ourDeliveries, ""));
                }
            }
            comparison.put("windows", byWindow);
            run.report.put("comparison", comparison);
        }
        report.markdown("## Sockets");
        List<Object> memoryRow = new ArrayList<>(List.of("memory per connection, RSS (KiB)",
                ourMemory.get("rssPerConnectionKiB")));
        memoryRow.add(reference == null ? "" : ((Map<String, Object>) reference.get("memory")).get("rssPerConnectionKiB"));
        rows.add(memoryRow);
        rows.add(List.of("memory per connection, live heap (KiB)", ourMemory.get("heapPerConnectionKiB"),
                reference == null ? "" : ((Map<String, Object>) reference.get("memory")).get("heapPerConnectionKiB")));
        report.table(List.of("", "ours", "reference"), rows);
        report.markdown("## Latency windows\n\nFrom the planned send time (HTTP post) to the arrival on each socket; "
                + "`since server timestamp` is from the event's `occurredAt` (our command side stamps it before "
                + "storing; the reference server when it emits).");
        for (var entry : List.of(Map.entry("ours", windows), Map.entry("reference", reference == null
                ? List.<Map<String, Object>>of() : referenceWindows(reference)))) {
            for (Map<String, Object> window : entry.getValue()) {
                Map<String, Object> latency = (Map<String, Object>) window.get("latency");
                StringBuilder table = new StringBuilder("**" + entry.getKey() + "**, "
                        + Goal.formatRate(((Number) window.get("ratePerSecond")).doubleValue()) + " for "
                        + window.get("seconds") + " s, " + String.format("%,d", ((Number) window.get("socketsHeld")).longValue())
                        + " sockets held, " + String.format("%,d", ((Number) window.get("deliveries")).longValue())
                        + " deliveries, " + window.get("deliveriesPerCpuSecond") + " deliveries per CPU-second of "
                        + "the socket server(s); CPU cores by process: " + window.get("cpuCoresByProcess") + "\n\n"
                        + Latency.header() + "\n");
                for (String kind : List.of("devices", "agents", "all", "sinceServerTimestamp", "post")) {
                    Map<String, Object> l = (Map<String, Object>) latency.get(kind);
                    if (l != null) {
                        table.append(new Latency(((Number) l.get("count")).longValue(), p(latency, kind, "p50Ms"),
                                p(latency, kind, "p90Ms"), p(latency, kind, "p99Ms"), p(latency, kind, "p999Ms"),
                                p(latency, kind, "maxMs"), p(latency, kind, "meanMs")).row(kind)).append('\n');
                    }
                }
                report.markdown(table.toString());
            }
        }
        report.markdown("## Totals\n\nours: `" + totals + "`" + (reference == null ? ""
                : "\n\nreference: `" + reference.get("totals") + "`"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> referenceWindows(Map<String, Object> reference) {
        List<Map<String, Object>> windows = new ArrayList<>();
        if (reference.get("hold") != null) {
            windows.add((Map<String, Object>) reference.get("hold"));
        }
        if (reference.get("steps") != null) {
            windows.addAll((List<Map<String, Object>>) reference.get("steps"));
        }
        return windows;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> row(String label, Map<String, Object> ours, Map<String, Object> reference,
                                    String section, String field) {
        return List.of(label, ours.get(field), reference == null ? ""
                : ((Map<String, Object>) reference.get(section)).get(field));
    }

    @SuppressWarnings("unchecked")
    private static double p(Map<String, Object> latency, String kind, String field) {
        Object value = ((Map<String, Object>) latency.getOrDefault(kind, Map.of())).get(field);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static Double ratio(double ours, double reference) {
        return reference > 0 ? BenchRun.round(ours / reference) : null;
    }
}
