package com.fastlightchat.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One whole platform per test JVM, shared by the end-to-end tests ({@link WalkingSkeletonIT}, {@link BrowserIT}):
 * starting it is most of their time. Stopped (and its data removed) when the JVM exits.
 */
final class SharedStack {

    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path home = home();
            Path workDir;
            try {
                workDir = Files.createTempDirectory("flc-e2e-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            LocalStack started = LocalStack.start(LocalStack.Options.freePorts(home, workDir));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                LocalStack.wipe(workDir);
            }, "shared-stack-shutdown"));
            stack = started;
        }
        return stack;
    }

    /** The repository root (Failsafe passes it; the module's grandparent otherwise). */
    static Path home() {
        return Path.of(System.getProperty("flc.home", "../..")).toAbsolutePath().normalize();
    }
}
