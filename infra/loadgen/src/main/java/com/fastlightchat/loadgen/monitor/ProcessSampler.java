package com.fastlightchat.loadgen.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every process on the machine once a second and adds their CPU time up by <em>group</em>: each of our
 * processes is a named root ({@code realtime-edge}, {@code worker-1}, {@code reference-server}…) and counts with its
 * descendants; below the stack host, PostgreSQL and Redis are groups of their own; everything else on the machine
 * (other sessions' builds and tests) is {@link #OTHERS}, also kept by command name. Also keeps the load average, the
 * machine's total CPU use and each group's resident memory. {@link #mark()} starts a window; {@link #since} says
 * what happened in it.
 */
public final class ProcessSampler implements AutoCloseable {

    public static final String OTHERS = "others";
    public static final String STACK_HOST = "stack-host";
    static final long TICKS_PER_SECOND = 100;
    static final long PAGE_SIZE = 4096;

    /** Cumulative counters at one moment. */
    public record Mark(long nanos, Map<String, Long> groupTicks, Map<String, Long> otherTicks, long machineBusy,
                       long machineTotal, int sampleIndex) {
    }

    /** What one window saw. */
    public record Usage(double seconds, Map<String, Double> cpuSeconds, Map<String, Double> rssMiBMax,
                        Map<String, Double> rssMiBLast, double machineBusyCores, double othersCores,
                        Map<String, Double> topOthers, double loadMin, double loadMean, double loadMax) {

        /** Average cores used by one group in the window. */
        public double cores(String group) {
            return seconds <= 0 ? 0 : cpuSeconds.getOrDefault(group, 0.0) / seconds;
        }
    }

    private record Sample(long nanos, double load1, Map<String, Long> rss) {
    }

    private final Map<Long, String> roots = new ConcurrentHashMap<>();
    /** Command-line fragments of daemons that left their parent (PostgreSQL's postmaster): group by fragment. */
    private final Map<String, String> markers = new ConcurrentHashMap<>();
    private final Map<String, String> markedProcesses = new HashMap<>();
    private final Map<String, Long> groupTicks = new HashMap<>();
    private final Map<String, Long> otherTicks = new HashMap<>();
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private long machineBusy;
    private long machineTotal;
    private boolean first = true;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("process-sampler").factory());

    public ProcessSampler() {
        sample();
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** Counts {@code pid} and its descendants as {@code group} from now on. */
    public void name(long pid, String group) {
        roots.put(pid, group);
    }

    /**
     * Counts a process whose command line contains {@code fragment}, and its descendants, as {@code group}: for
     * daemons that detach from the process that started them (PostgreSQL's postmaster is re-parented to init).
     */
    public void nameByCommandLine(String fragment, String group) {
        markers.put(fragment, group);
    }

    public synchronized Mark mark() {
        sample();
        return new Mark(System.nanoTime(), Map.copyOf(groupTicks), Map.copyOf(otherTicks), machineBusy, machineTotal,
                samples.size());
    }

    public synchronized Usage since(Mark mark) {
        sample();
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        groupTicks.forEach((group, ticks) -> {
            double delta = (ticks - mark.groupTicks().getOrDefault(group, 0L)) / (double) TICKS_PER_SECOND;
            if (delta > 0) {
                cpu.put(group, delta);
            }
        });
        Map<String, Double> others = new LinkedHashMap<>();
        otherTicks.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - mark.otherTicks().getOrDefault(e.getKey(), 0L))
                        / (double) TICKS_PER_SECOND / Math.max(seconds, 1e-9)))
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> others.put(e.getKey(), e.getValue()));
        Map<String, Double> rssMax = new LinkedHashMap<>();
        Map<String, Double> rssLast = new LinkedHashMap<>();
        double loadMin = Double.MAX_VALUE;
        double loadMax = 0;
        double loadSum = 0;
        int count = 0;
        for (Sample sample : samples.subList(Math.max(0, mark.sampleIndex() - 1), samples.size())) {
            sample.rss().forEach((group, bytes) -> {
                double mib = bytes / 1048576.0;
                rssMax.merge(group, mib, Math::max);
                rssLast.put(group, mib);
            });
            loadMin = Math.min(loadMin, sample.load1());
            loadMax = Math.max(loadMax, sample.load1());
            loadSum += sample.load1();
            count++;
        }
        long busy = machineBusy - mark.machineBusy();
        long total = machineTotal - mark.machineTotal();
        int cores = Runtime.getRuntime().availableProcessors();
        double machineCores = total <= 0 ? 0 : cores * (double) busy / total;
        double oursCores = cpu.entrySet().stream().filter(e -> !e.getKey().equals(OTHERS))
                .mapToDouble(Map.Entry::getValue).sum() / Math.max(seconds, 1e-9);
        return new Usage(seconds, cpu, rssMax, rssLast, machineCores, Math.max(0, machineCores - oursCores), others,
                count == 0 ? 0 : loadMin, count == 0 ? 0 : loadSum / count, loadMax);
    }

    private synchronized void sample() {
        Map<Long, ProcStat> stats = new HashMap<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                read(dir.resolve("stat")).flatMap(ProcStat::parse).ifPresent(stat -> stats.put(stat.pid(), stat));
            }
        } catch (IOException e) {
            return;
        }
        Map<String, Long> rss = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        for (ProcStat stat : stats.values()) {
            String key = stat.pid() + "@" + stat.startTime();
            Long before = lastTicks.get(key);
            long delta = before == null ? (first ? 0 : stat.cpuTicks()) : stat.cpuTicks() - before;
            seen.put(key, stat.cpuTicks());
            String group = group(stat, stats);
            groupTicks.merge(group, Math.max(0, delta), Long::sum);
            if (group.equals(OTHERS)) {
                otherTicks.merge(stat.comm(), Math.max(0, delta), Long::sum);
            } else {
                rss.merge(group, stat.rssPages() * PAGE_SIZE, Long::sum);
            }
        }
        lastTicks.clear();
        lastTicks.putAll(seen);
        first = false;
        read(Path.of("/proc/stat")).ifPresent(this::machine);
        double load = read(Path.of("/proc/loadavg")).map(l -> Double.parseDouble(l.split(" ")[0])).orElse(0.0);
        samples.add(new Sample(System.nanoTime(), load, rss));
    }

    private String group(ProcStat stat, Map<Long, ProcStat> all) {
        ProcStat current = stat;
        for (int depth = 0; depth < 64 && current != null; depth++) {
            String root = roots.get(current.pid());
            if (root != null) {
                if (root.equals(STACK_HOST) && current != stat) {
                    if (stat.comm().startsWith("postgres")) {
                        return "postgres";
                    }
                    if (stat.comm().startsWith("redis")) {
                        return "redis";
                    }
                }
                return root;
            }
            if (current.ppid() <= 1 && !markers.isEmpty()) {
                String marked = marked(current);
                if (marked != null) {
                    return marked;
                }
            }
            current = all.get(current.ppid());
        }
        return OTHERS;
    }

    /** The group of a detached daemon by its command line (read once per process), or null. */
    private String marked(ProcStat stat) {
        String key = stat.pid() + "@" + stat.startTime();
        String group = markedProcesses.computeIfAbsent(key, k -> {
            String commandLine = read(Path.of("/proc", Long.toString(stat.pid()), "cmdline")).orElse("")
                    .replace('\0', ' ');
            return markers.entrySet().stream().filter(e -> commandLine.contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("");
        });
        return group.isEmpty() ? null : group;
    }

    private void machine(String stat) {
        String[] cpu = stat.lines().findFirst().orElse("").trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            long value = Long.parseLong(cpu[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        machineBusy = total - idle;
        machineTotal = total;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
