package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.monitor.ProcessSampler;
import com.fastlightchat.loadgen.socket.LatencyLog;
import com.fastlightchat.loadgen.socket.SocketSpec;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The socket worker processes. Each holds at most a few thousand sockets less than its open-file limit (20,000 here)
 * and connects to a destination address of its own ({@code 127.0.0.<10 + n>}), so that no two workers share a range
 * of client ports to one server port (about 28,000 each).
 */
final class Workers implements AutoCloseable {

    /** Sockets of one kind, summed over the workers. */
    record KindStats(long delivered, long duplicates, long benchDuplicates, Histogram latency,
                     Histogram sinceOccurred) {
    }

    /** Everything the workers counted, summed. */
    record Stats(long connectedNow, long ready, long setupFailures, long rejected, long joinFailures, long joinRetries,
                 long unexpectedDisconnects, long resyncRequired, long malformed, long errors, long gaps,
                 Map<SocketSpec.Kind, KindStats> kinds, Histogram connect, Histogram join,
                 Map<String, Long> failureReasons, List<String> lostSockets) {

        long delivered() {
            return kinds.values().stream().mapToLong(KindStats::delivered).sum();
        }

        long benchDuplicates() {
            return kinds.values().stream().mapToLong(KindStats::benchDuplicates).sum();
        }

        long duplicates() {
            return kinds.values().stream().mapToLong(KindStats::duplicates).sum();
        }
    }

    private final List<Child> children = new ArrayList<>();

    Workers(int count, boolean deflate, int threads, List<String> jvm, Path logDir, ProcessSampler sampler) {
        for (int i = 0; i < count; i++) {
            String name = "worker-" + (i + 1);
            Child child = Child.java(name, jvm, List.of("worker", address(i), Boolean.toString(deflate),
                    Integer.toString(threads)), logDir);
            sampler.name(child.pid(), name);
            children.add(child);
        }
        for (Child child : children) {
            child.await("started", Duration.ofMinutes(2));
        }
    }

    static String address(int worker) {
        return "127.0.0." + (10 + worker);
    }

    int size() {
        return children.size();
    }

    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        children.forEach(child -> pids.put(child.name(), child.pid()));
        return pids;
    }

    /** Sends each worker its share (socket {@code i} goes to worker {@code i mod n}) and returns at once. */
    void open(List<SocketSpec> sockets, int concurrencyPerWorker) {
        List<List<Map<String, Object>>> shares = new ArrayList<>();
        children.forEach(child -> shares.add(new ArrayList<>()));
        for (int i = 0; i < sockets.size(); i++) {
            SocketSpec spec = sockets.get(i);
            Map<String, Object> socket = new LinkedHashMap<>();
            socket.put("ns", spec.namespace());
            socket.put("auth", spec.authJson());
            socket.put("joins", spec.joins());
            socket.put("kind", spec.kind().name());
            socket.put("port", spec.port());
            socket.put("id", spec.id());
            shares.get(i % children.size()).add(socket);
        }
        for (int w = 0; w < children.size(); w++) {
            children.get(w).send(Map.of("cmd", "open", "concurrency", concurrencyPerWorker, "sockets", shares.get(w)));
        }
    }

    void awaitOpened(Duration timeout) {
        for (Child child : children) {
            child.await("opened", timeout);
        }
    }

    /** The sum of the workers' latest progress events. */
    Map<String, Long> progress() {
        Map<String, Long> sum = new LinkedHashMap<>();
        for (Child child : children) {
            JsonNode progress = child.progress();
            if (progress == null) {
                continue;
            }
            for (String field : List.of("connectedNow", "ready", "setupFailures", "unexpectedDisconnects",
                    "delivered", "intervalCount")) {
                sum.merge(field, progress.path(field).asLong(0), Long::sum);
            }
            sum.merge("intervalP99", progress.path("intervalP99").asLong(0), Math::max);
            sum.merge("intervalP50", progress.path("intervalP50").asLong(0), Math::max);
        }
        return sum;
    }

    /** Asks every worker for its counters and histograms; {@code reset} restarts the delivery histograms. */
    Stats stats(boolean reset) {
        children.forEach(child -> child.send(Map.of("cmd", "stats", "reset", reset)));
        long[] counters = new long[11];
        String[] names = {"connectedNow", "ready", "setupFailures", "rejected", "joinFailures", "joinRetries",
                "unexpectedDisconnects", "resyncRequired", "malformed", "errors", "gaps"};
        Map<SocketSpec.Kind, long[]> kindCounters = new LinkedHashMap<>();
        Map<SocketSpec.Kind, Histogram> latency = new LinkedHashMap<>();
        Map<SocketSpec.Kind, Histogram> sinceOccurred = new LinkedHashMap<>();
        for (SocketSpec.Kind kind : SocketSpec.Kind.values()) {
            kindCounters.put(kind, new long[3]);
            latency.put(kind, new Histogram(3));
            sinceOccurred.put(kind, new Histogram(3));
        }
        Histogram connect = new Histogram(3);
        Histogram join = new Histogram(3);
        Map<String, Long> reasons = new LinkedHashMap<>();
        List<String> lost = new ArrayList<>();
        for (Child child : children) {
            JsonNode stats = child.await("stats", Duration.ofMinutes(2));
            for (int i = 0; i < names.length; i++) {
                counters[i] += stats.path(names[i]).asLong(0);
            }
            for (SocketSpec.Kind kind : SocketSpec.Kind.values()) {
                JsonNode k = stats.path("kinds").path(kind.name().toLowerCase());
                long[] c = kindCounters.get(kind);
                c[0] += k.path("delivered").asLong(0);
                c[1] += k.path("duplicates").asLong(0);
                c[2] += k.path("benchDuplicates").asLong(0);
                latency.get(kind).add(LatencyLog.decode(k.path("latency").asString()));
                sinceOccurred.get(kind).add(LatencyLog.decode(k.path("sinceOccurred").asString()));
            }
            connect.add(LatencyLog.decode(stats.path("connectLatency").asString()));
            join.add(LatencyLog.decode(stats.path("joinLatency").asString()));
            stats.path("lostSockets").forEach(id -> lost.add(id.asString()));
            stats.path("failureReasons").properties().forEach(e -> reasons.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        Map<SocketSpec.Kind, KindStats> kinds = new LinkedHashMap<>();
        for (SocketSpec.Kind kind : SocketSpec.Kind.values()) {
            long[] c = kindCounters.get(kind);
            kinds.put(kind, new KindStats(c[0], c[1], c[2], latency.get(kind), sinceOccurred.get(kind)));
        }
        return new Stats(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], counters[6],
                counters[7], counters[8], counters[9], counters[10], kinds, connect, join, reasons, lost);
    }

    /** Closes every socket on purpose (they do not count as disconnects). */
    void closeSockets() {
        children.forEach(child -> child.send(Map.of("cmd", "close")));
        children.forEach(child -> child.await("closed", Duration.ofMinutes(3)));
    }

    @Override
    public void close() {
        for (Child child : children) {
            try {
                child.send(Map.of("cmd", "exit"));
            } catch (RuntimeException ignored) {
                // already gone
            }
            child.close();
        }
    }
}
