package com.fastlightchat.loadgen;

import com.fastlightchat.loadgen.coordinator.Coordinator;
import com.fastlightchat.loadgen.worker.StackHost;
import com.fastlightchat.loadgen.worker.Worker;

import java.util.Arrays;

/**
 * {@code ./flc bench <scenario> [--option value…]}: runs a benchmark scenario against a local stack it starts
 * itself, and writes the report. {@code worker} and {@code stack} are the child processes it starts.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        String mode = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (mode) {
            case "worker" -> Worker.main(rest);
            case "stack" -> StackHost.main(rest);
            default -> System.exit(Coordinator.main(mode, rest));
        }
    }
}
