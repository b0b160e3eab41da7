package com.fastlightchat.localstack;

import java.nio.file.Path;

/**
 * One {@link LocalStack} for every end-to-end test class of this JVM, started on first use on free ports and stopped
 * by a JVM shutdown hook: starting the platform is the most expensive step of these tests, so they share it. A test
 * that kills or stops a part of it brings it back before it ends, and works on chats of its own.
 *
 * <p>Data and service logs go to {@code target/e2e/} (wiped at the next start), so they can be read after a failure.
 */
public final class SharedStack {

    private static LocalStack stack;
    private static RuntimeException failure;

    private SharedStack() {
    }

    /** The running platform; starts it on the first call. */
    public static synchronized LocalStack get() {
        if (failure != null) {
            throw new IllegalStateException("the shared local stack failed to start earlier", failure);
        }
        if (stack == null) {
            Path home = home();
            Path workDir = Path.of("target", "e2e").toAbsolutePath();
            try {
                stack = LocalStack.start(LocalStack.Options.freePorts(home, workDir));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shared-local-stack-shutdown"));
        }
        return stack;
    }

    /** The repository root (Failsafe passes it; the module's grandparent otherwise). */
    static Path home() {
        return Path.of(System.getProperty("flc.home", "../..")).toAbsolutePath().normalize();
    }
}
