package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.monitor.ProcessSampler;
import com.fastlightchat.loadgen.report.Report;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Everything one {@code ./flc bench} invocation owns: the options, the process sampler, the report, and the child
 * processes it starts (the stack host, the reference server); closing it stops them all.
 */
final class BenchRun implements AutoCloseable {

    /** The started stack: where everything is. */
    record Stack(String commandUrl, String queryUrl, List<String> edgeUrls, Map<String, String> serviceUrls,
                 String signupToken, Map<String, Long> pids, String logs) {

        /** The Socket.IO port of each edge instance. */
        List<Integer> edgePorts() {
            return edgeUrls.stream().map(url -> Integer.parseInt(url.substring(url.lastIndexOf(':') + 1))).toList();
        }

        Map<String, Long> edgePids() {
            Map<String, Long> edges = new LinkedHashMap<>();
            pids.forEach((name, pid) -> {
                if (name.startsWith("realtime-edge")) {
                    edges.put(name, pid);
                }
            });
            return edges;
        }
    }

    /** Defaults chosen for this 2-core machine; see the README section "Benchmarks". */
    static final String EDGE_JVM = "-Xms256m -Xmx1g -XX:+UseSerialGC -XX:MaxDirectMemorySize=512m";
    static final String SERVICE_JVM = "-Xms256m -Xmx1g -XX:+UseParallelGC";
    static final String WORKER_JVM = "-Xmx2g -XX:+UseSerialGC -Xss512k";
    /**
     * The edge's Redis timeout (2 s by default) also bounds its first connection at start-up, which a machine
     * starved by other builds misses: the edge then fails to start. Only start-up and outages are affected.
     */
    static final String EDGE_ARGS = "--spring.data.redis.timeout=10s";

    final String scenario;
    final Args args;
    final Path home;
    final Path directory;
    final Path logs;
    final ProcessSampler sampler = new ProcessSampler();
    final Progress progress = new Progress();
    final Http http;
    final Report report;
    final ProcessSampler.Mark whole;
    private final Instant started = Instant.now();
    private final List<AutoCloseable> owned = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Child stackHost;
    private Stack stack;
    private boolean closed;

    BenchRun(String scenario, Args args, Path home, String commandLine) {
        this.scenario = scenario;
        this.args = args;
        this.home = home;
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(started);
        Path reports = Path.of(args.text("reports", home.resolve("infra/bench/reports").toString()));
        this.directory = reports.resolve(stamp + "-" + scenario);
        this.logs = directory.resolve("logs");
        this.http = new Http(args.integer("http-connections", 256));
        this.report = new Report("Fast Light Chat benchmark: " + scenario + " (" + stamp + " UTC)");
        sampler.name(ProcessHandle.current().pid(), "coordinator");
        whole = sampler.mark();
        report.put("scenario", scenario);
        report.put("command", commandLine);
        report.put("startedAt", started.toString());
        report.put("machine", Machine.describe());
    }

    /** Starts our platform (stack host, servers, services) and waits until it is healthy. */
    /**
     * Creates {@code orgs} organizations, {@code agents} agents and {@code users} users with a chat each on
     * {@code stack} and waits until the query side serves every chat; what was set up goes into {@code setup}.
     */
    Identities identities(Stack stack, int orgs, int agents, int users, Map<String, Object> setup) {
        int parallelism = args.integer("setup-parallelism", 32);
        progress.phase("identities", () -> "creating " + orgs + " organizations, " + agents + " agents, "
                + users + " users with a chat each");
        Identities ids = Identities.create(http, stack.commandUrl(), stack.signupToken(), orgs, agents, users,
                parallelism, progress::say);
        progress.phase("projection", () -> "waiting until the query side serves every chat");
        double projected = ids.awaitProjected(http, stack.queryUrl(), parallelism, progress::say);
        setup.put("organizations", orgs);
        setup.put("agents", ids.agentCount());
        setup.put("users", users);
        setup.put("projectionCatchUpSeconds", round(projected));
        return ids;
    }

    Stack startStack(int edges) {
        String edgeJvm = args.text("edge-jvm", EDGE_JVM);
        String serviceJvm = args.text("service-jvm", SERVICE_JVM);
        List<String> edgeArguments = List.of(args.text("edge-args", EDGE_ARGS).trim().split("\\s+")).stream()
                .filter(s -> !s.isBlank()).toList();
        List<String> hostArgs = new ArrayList<>(List.of("stack", home.toString(), directory.resolve("stack").toString(),
                Integer.toString(edges), serviceJvm, edgeJvm));
        hostArgs.addAll(edgeArguments);
        stackHost = Child.java("stack-host", List.of("-Xmx2g", "-XX:+UseParallelGC"), hostArgs, logs);
        sampler.name(stackHost.pid(), ProcessSampler.STACK_HOST);
        // PostgreSQL's postmaster detaches from the stack host (pg_ctl); it is found by its data directory.
        sampler.nameByCommandLine(directory.resolve("stack").toString(), "postgres");
        owned.add(stackHost);
        progress.phase("stack", () -> "starting Kafka, PostgreSQL, Redis, Mongo wire server and "
                + (2 + edges) + " services (logs in " + directory.resolve("stack/logs") + ")");
        JsonNode started = stackHost.await("stack", Duration.ofMinutes(20));
        Map<String, String> serviceUrls = new LinkedHashMap<>();
        started.path("serviceUrls").properties().forEach(e -> serviceUrls.put(e.getKey(), e.getValue().asString()));
        Map<String, Long> pids = new LinkedHashMap<>();
        started.path("pids").properties().forEach(e -> pids.put(e.getKey(), e.getValue().asLong()));
        List<String> edgeUrls = new ArrayList<>();
        started.path("edgeUrls").forEach(url -> edgeUrls.add(url.asString()));
        stack = new Stack(started.path("commandUrl").asString(), started.path("queryUrl").asString(), edgeUrls,
                serviceUrls, started.path("signupToken").asString(), pids, started.path("logs").asString());
        pids.forEach((name, pid) -> sampler.name(pid, name));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edges", edges);
        json.put("edgeJvm", edgeJvm);
        json.put("serviceJvm", serviceJvm);
        json.put("edgeArguments", edgeArguments);
        json.put("openFileLimits", openFileLimits(pids));
        report.put("stack", json);
        progress.say("stack ready: command " + stack.commandUrl() + ", query " + stack.queryUrl() + ", edges "
                + stack.edgeUrls());
        return stack;
    }

    Stack stack() {
        return stack;
    }

    /** Starts the reference socket.io server (installing its packages first if needed). */
    Target.Reference startReference() {
        Path dir = home.resolve("infra/bench/reference-server");
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            progress.say("installing the reference server's packages (npm ci)");
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir);
        }
        int port = com.fastlightchat.testservers.FreePorts.belowClientPorts().orFree(0);
        Child node = Child.program("reference-server", List.of("node", "--expose-gc",
                dir.resolve("server.mjs").toString(), Integer.toString(port)), logs, Map.of());
        owned.add(node);
        sampler.name(node.pid(), "reference-server");
        String url = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (http.send(Http.get(url + "/stats", Map.of())).ok()) {
                    break;
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline || !node.alive()) {
                    throw new IllegalStateException("the reference server did not start; see " + node.log(), e);
                }
            }
            sleep(Duration.ofMillis(200));
        }
        var stats = http.send(Http.get(url + "/stats", Map.of())).body();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", stats.path("node").asString());
        json.put("socketIo", socketIoVersion(dir));
        json.put("openFileLimit", openFileLimit(node.pid()));
        report.put("referenceServer", json);
        return new Target.Reference(url, port, node.pid());
    }

    private static String socketIoVersion(Path dir) {
        try {
            JsonNode pkg = com.fastlightchat.loadgen.worker.JsonLines.JSON.readTree(
                    Files.readString(dir.resolve("node_modules/socket.io/package.json")));
            return pkg.path("version").asString();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + directory);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + " (is node installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, String> openFileLimits(Map<String, Long> pids) {
        Map<String, String> limits = new LinkedHashMap<>();
        pids.forEach((name, pid) -> limits.put(name, openFileLimit(pid)));
        return limits;
    }

    /** The "Max open files" soft/hard limit of a process, from {@code /proc/<pid>/limits}. */
    static String openFileLimit(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return parts[0] + "/" + parts[1];
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Writes the report (with the conditions of the whole run) and returns its directory. */
    Path finish() {
        ProcessSampler.Usage usage = sampler.since(whole);
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("seconds", Math.round(usage.seconds()));
        conditions.put("loadAverage1m", Map.of("min", usage.loadMin(), "mean", round(usage.loadMean()),
                "max", usage.loadMax()));
        conditions.put("machineCpuCores", round(usage.machineBusyCores()));
        conditions.put("othersCpuCores", round(usage.othersCores()));
        conditions.put("topOtherProcessesCores", roundAll(usage.topOthers()));
        conditions.put("cpuSecondsByProcess", roundAll(usage.cpuSeconds()));
        conditions.put("rssMiBMaxByProcess", roundAll(usage.rssMiBMax()));
        report.put("conditions", conditions);
        report.put("finishedAt", Instant.now().toString());
        report.put("options", args.used());
        report.markdown(String.format("""
                ## Conditions

                %d s on %s. Load average (1 min) %.1f mean, %.1f max; the whole machine used %.2f cores on average, of
                which %.2f by processes outside this benchmark (other sessions' builds and tests). Busiest of those:
                %s.
                """, Math.round(usage.seconds()), Machine.summary(), usage.loadMean(), usage.loadMax(),
                usage.machineBusyCores(), usage.othersCores(), usage.topOthers().entrySet().stream()
                        .limit(5).map(e -> e.getKey() + " " + round(e.getValue()) + " cores").toList()));
        report.markdown("Options: `" + args.used() + "`");
        return report.write(directory);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static Map<String, Double> roundAll(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((key, value) -> rounded.put(key, round(value)));
        return rounded;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable child : owned.reversed()) {
            try {
                child.close();
            } catch (Exception e) {
                progress.say("could not stop " + child + ": " + e.getMessage());
            }
        }
        progress.close();
        sampler.close();
        http.close();
    }
}
