package com.fastlightchat.loadgen.coordinator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What machine the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Math.round(memoryKiB() / 1048576.0));
        machine.put("cpu", cpuModel());
        machine.put("kernel", read("/proc/sys/kernel/osrelease").strip());
        machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        machine.put("openFileLimit", BenchRun.openFileLimit(ProcessHandle.current().pid()));
        machine.put("clientPortRange", read("/proc/sys/net/ipv4/ip_local_port_range").strip().replaceAll("\\s+", "-"));
        return machine;
    }

    static String summary() {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + Math.round(memoryKiB() / 1048576.0) + " GiB";
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
    }

    private static long memoryKiB() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
