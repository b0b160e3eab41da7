package com.fastlightchat.loadgen.worker;

import com.fastlightchat.localstack.LocalStack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack in a process of its own ({@code Bench stack <home> <workDir> <edges> <jvm> <edgeJvm> [edge
 * arguments…]}, JVM options space-separated), so that the CPU of its in-process servers (Kafka, the Mongo wire
 * server) is measured apart from the load generator's. Emits {@code stack} with every URL, the signup token and the
 * process ids, then runs until its input ends.
 */
public final class StackHost {

    private StackHost() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        Path workDir = Path.of(args[1]);
        int edges = Integer.parseInt(args[2]);
        List<String> jvm = split(args[3]);
        List<String> edgeJvm = split(args[4]);
        List<String> edgeArguments = List.of(args).subList(5, args.length);
        JsonLines lines = new JsonLines();
        // Ports below the client port range: the benchmark's own tens of thousands of connections (and other
        // sessions' tests) can never take one between its pick and the service's bind.
        com.fastlightchat.testservers.FreePorts ports = com.fastlightchat.testservers.FreePorts.belowClientPorts();
        LocalStack.Services services = new LocalStack.Services(jvm, edgeJvm, edges, edgeArguments,
                java.time.Duration.ofMinutes(15), ports);
        try (LocalStack stack = start(home, workDir, services)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("commandUrl", stack.commandUrl());
            fields.put("queryUrl", stack.queryUrl());
            fields.put("edgeUrls", stack.edgeUrls());
            fields.put("serviceUrls", stack.serviceUrls());
            fields.put("signupToken", stack.signupToken());
            fields.put("pids", stack.pids());
            fields.put("hostPid", ProcessHandle.current().pid());
            fields.put("logs", workDir.resolve("logs").toString());
            lines.emit("stack", fields);
            while (lines.next().filter(cmd -> !"exit".equals(cmd.path("cmd").asString(""))).isPresent()) {
                // nothing else to do: the coordinator only ever asks us to stop
            }
        }
        System.exit(0);
    }

    /**
     * Starts the stack, once more if the first start fails: on a machine shared with busy builds a service
     * sometimes misses a 2-second connection timeout while starting.
     */
    private static LocalStack start(Path home, Path workDir, LocalStack.Services services) {
        try {
            return LocalStack.start(LocalStack.Options.freePorts(home, workDir, services.ports())
                    .withServices(services));
        } catch (RuntimeException first) {
            System.err.println("the stack did not start (" + first.getMessage() + "); trying once more");
            return LocalStack.start(LocalStack.Options.freePorts(home, workDir.resolveSibling(
                    workDir.getFileName() + "-retry"), services.ports()).withServices(services));
        }
    }

    private static List<String> split(String options) {
        return new ArrayList<>(Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }
}
