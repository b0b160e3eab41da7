package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.report.Goal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The coordinator's entry point: picks the scenario, runs it, writes the report and prints the targets. */
public final class Coordinator {

    static final String HELP = """
            ./flc bench <scenario> [--option value…]   builds if needed, starts its own stack, writes a report under
                                                       infra/bench/reports/<timestamp>-<scenario>/

            scenarios
              connections  hold end-user and agent sockets for a while (with a small probe of messages)
                           --users 10000 --devices 1 --agents 20 --orgs 10 --hold 2m --probe-rate 20 --edges 1
              e2e          users post over HTTP at fixed rates; latency to the agents' sockets and the users' devices
                           --users 5000 --devices 2 --agents 20 --orgs 10 --rates 500[,1000,…] --step 60s --warmup 15s --opening-rate 200
                           (every chat gets its first message at --opening-rate before anything is measured)
              api          command and query API at a fixed rate
                           --rate 1000 --step 60s --warmup 20s --users 2000 --agents 20 --orgs 10 --opening-rate 200
                           (every chat gets a first message and reply at --opening-rate before anything is measured)

            common options
              --edges N                 realtime edge instances (sockets spread over them)
              --no-reference            skip the same scenario against the reference socket.io server
              --no-deflate              do not offer permessage-deflate (browsers do)
              --sockets-per-worker N    sockets per worker process, below the 20,000 open files limit (15000)
              --concurrency N           socket handshakes + joins in flight per worker (100)
              --http-connections N      HTTP requests in flight at most; more wait in the client (256)
              --edge-jvm "…"            JVM options of each edge (default %s)
              --service-jvm "…"         JVM options of the command and query sides (default %s)
              --edge-args "…"           extra edge settings (default %s)
              --reports DIR             where reports go (infra/bench/reports)
            """.formatted(BenchRun.EDGE_JVM, BenchRun.SERVICE_JVM, BenchRun.EDGE_ARGS);

    private Coordinator() {
    }

    public static int main(String scenario, String[] arguments) {
        if (!List.of("connections", "e2e", "api").contains(scenario)) {
            System.out.print(HELP);
            return scenario.equals("help") ? 0 : 2;
        }
        Args args = new Args(Arrays.asList(arguments));
        Path home = Path.of(System.getProperty("flc.home", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("realtime-edge"))) {
            System.err.println("flc.home must be the repository root; it is " + home);
            return 2;
        }
        String commandLine = "./flc bench " + scenario + (arguments.length == 0 ? "" : " " + String.join(" ", arguments));
        Path written;
        try (BenchRun run = new BenchRun(scenario, args, home, commandLine)) {
            // Ctrl-C or a kill stops every process the run started (the node server would outlive us otherwise).
            Thread cleanup = new Thread(run::close, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            switch (scenario) {
                case "connections" -> new SocketScenario(run, false).run();
                case "e2e" -> new SocketScenario(run, true).run();
                default -> new ApiScenario(run).run();
            }
            if (!args.unused().isEmpty()) {
                run.progress.say("note: options not used by this scenario: " + args.unused());
            }
            written = run.finish();
            run.progress.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
            System.out.println();
            for (Goal goal : run.report.goals()) {
                System.out.printf("  %-5s %-4s %s: %s (target %s)%n", goal.level(), goal.met() ? "met" : "MISS",
                        goal.name(), goal.measured(), goal.target());
            }
        }
        System.out.println("\nReport: " + written.resolve("report.md"));
        return 0;
    }
}
