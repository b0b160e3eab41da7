package com.fastlightchat.loadgen.monitor;

import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: the fields the sampler needs. CPU times are in clock ticks, the resident set
 * in pages.
 */
public record ProcStat(long pid, String comm, long ppid, long utime, long stime, long startTime, long rssPages) {

    public long cpuTicks() {
        return utime + stime;
    }

    /** Parses the line; empty if it is not one (a process may vanish while it is read). */
    public static Optional<ProcStat> parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(line.substring(0, open).trim());
            String comm = line.substring(open + 1, close);
            String[] fields = line.substring(close + 2).split(" ");
            // fields[0] is field 3 (state) of proc(5)
            return Optional.of(new ProcStat(pid, comm, Long.parseLong(fields[1]), Long.parseLong(fields[11]),
                    Long.parseLong(fields[12]), Long.parseLong(fields[19]), Long.parseLong(fields[21])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
