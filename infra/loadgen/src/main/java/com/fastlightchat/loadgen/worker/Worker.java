package com.fastlightchat.loadgen.worker;

import com.fastlightchat.loadgen.socket.Fleet;
import com.fastlightchat.loadgen.socket.SocketSpec;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A socket worker process: {@code Bench worker <address> <deflate> <threads>}. Holds a {@link Fleet} to one
 * destination address and obeys its coordinator's commands:
 * <ul>
 *   <li>{@code {"cmd":"open","concurrency":200,"sockets":[{"ns","auth","joins","kind","port"}…]}} opens sockets;
 *       {@code opened} follows once every one of them is ready or failed;</li>
 *   <li>{@code {"cmd":"stats","reset":true}} answers {@code stats} (counters and encoded histograms);</li>
 *   <li>{@code {"cmd":"close"}} closes every socket on purpose and answers {@code closed};</li>
 *   <li>{@code {"cmd":"exit"}} or the end of input ends the process.</li>
 * </ul>
 * A {@code progress} event goes out every second.
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) {
        String address = args[0];
        boolean deflate = Boolean.parseBoolean(args[1]);
        int threads = Integer.parseInt(args[2]);
        JsonLines lines = new JsonLines();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("progress").factory());
        try (Fleet fleet = new Fleet(address, deflate, threads)) {
            boolean[] awaitingOpen = {false};
            ticker.scheduleAtFixedRate(() -> {
                lines.emit("progress", fleet.progress());
                synchronized (awaitingOpen) {
                    if (awaitingOpen[0] && fleet.settled()) {
                        awaitingOpen[0] = false;
                        lines.emit("opened", Map.of());
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
            lines.emit("started", Map.of("pid", ProcessHandle.current().pid()));
            Optional<JsonNode> command;
            while ((command = lines.next()).isPresent()) {
                JsonNode cmd = command.get();
                switch (cmd.path("cmd").asString("")) {
                    case "open" -> {
                        List<SocketSpec> specs = specs(cmd.path("sockets"));
                        synchronized (awaitingOpen) {
                            fleet.open(specs, cmd.path("concurrency").asInt(100));
                            awaitingOpen[0] = true;
                        }
                    }
                    case "stats" -> lines.emit("stats", fleet.stats(cmd.path("reset").asBoolean(false)));
                    case "close" -> {
                        fleet.closeAll();
                        lines.emit("closed", Map.of());
                    }
                    case "exit" -> {
                        return;
                    }
                    default -> System.err.println("unknown command " + cmd);
                }
            }
        } finally {
            ticker.shutdownNow();
        }
    }

    private static List<SocketSpec> specs(JsonNode sockets) {
        List<SocketSpec> specs = new ArrayList<>(sockets.size());
        for (JsonNode socket : sockets) {
            List<String> joins = new ArrayList<>();
            socket.path("joins").forEach(join -> joins.add(join.asString()));
            specs.add(new SocketSpec(socket.path("ns").asString(), socket.path("auth").asString(), joins,
                    SocketSpec.Kind.valueOf(socket.path("kind").asString()), socket.path("port").asInt(),
                    socket.path("id").asString()));
        }
        return specs;
    }
}
