package com.fastlightchat.query.rebuild;

import com.fastlightchat.query.QuerySideApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command-line rebuild: {@code java -jar query-side-exec.jar rebuild <read-model> [--keep] [spring options]}.
 * Starts the query side without its web server and without its live consumers and analytics (so it never joins their
 * consumer groups), replays with a progress bar, prints the report and exits 0 when the rebuilt model equals the live one.
 */
public final class RebuildCommand {

    private RebuildCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2) {
            out.println("usage: rebuild <read-model> [--keep] [--spring.datasource.url=… other settings]");
            return 2;
        }
        String readModel = args[1];
        boolean keep = Arrays.asList(args).contains("--keep");
        String[] springArgs = Arrays.stream(args).skip(2).filter(a -> !a.equals("--keep")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.kafka.listener.auto-startup=false", "flc.query.analytics.enabled=false",
                        "spring.main.banner-mode=off")
                .run(springArgs)) {
            Rebuilder rebuilder = context.getBean(Rebuilder.class);
            long total = Math.max(1, rebuilder.eventsToReplay(readModel));
            long started = System.nanoTime();
            RebuildReport report = rebuilder.rebuild(readModel, keep, done -> out.print("\r" + bar(done, total, started)));
            out.println();
            out.printf("%s: %d events in %.1f s (%.0f events/s); live %d, rebuilt %d; %s%n", report.readModel(),
                    report.events(), report.seconds(), report.eventsPerSecond(), report.liveCount(),
                    report.rebuiltCount(), report.equal() ? "EQUAL" : report.differences().size() + " differences");
            report.differences().forEach(d -> out.println("  " + d.kind() + " " + d.id()));
            if (report.location() != null) {
                out.println("rebuilt model kept in " + report.location());
            }
            return report.equal() ? 0 : 1;
        }
    }

    static String bar(long done, long total, long startedNanos) {
        int width = 40;
        int filled = (int) Math.min(width, done * width / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " events, "
                + Math.round(done / seconds) + " events/s";
    }
}
