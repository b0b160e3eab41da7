package com.fastlightchat.localstack;

import com.fastlightchat.testservers.NodeTests;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent console and the chat widget in headless Chromium against the whole platform: runs
 * {@code infra/browser-tests} ({@code node --test}, driving Debian's {@code chromium} with {@code playwright-core})
 * with the shared stack's URLs and demo credentials. Chromium, Node and npm are required: without them this test
 * fails and says what to install ({@code ./flc test} installs Chromium itself when run as root).
 */
class BrowserIT {

    private static final Path BROWSER_TESTS = SharedStack.home().resolve("infra").resolve("browser-tests");

    @Test
    void givenThePlatform_whenACustomerAndAnAgentChatInChromium_thenTheBrowserTestsPass() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("Chromium is needed for the browser tests and was not found at %s: install Debian's chromium "
                        + "(apt-get install -y chromium; ./flc test does it when run as root) or set CHROMIUM", chromium)
                .isTrue();
        assertThat(NodeTests.available()).as("node 20+ and npm are needed for the browser tests").isTrue();
        NodeTests browserTests = new NodeTests(BROWSER_TESTS);
        assertThat(browserTests.install()).as("npm ci in %s", BROWSER_TESTS).isZero();

        LocalStack stack = SharedStack.get();
        LocalStack.Demo demo = stack.demo();
        int exit = browserTests.run(List.of("node", "--test", "--test-concurrency=1"), Map.of(
                "QUERY_URL", stack.queryUrl(),
                "COMMAND_URL", stack.commandUrl(),
                "EDGE_URL", stack.edgeUrl(),
                "PLUGIN_KEY", demo.pluginKey(),
                "AGENT_LOGIN", demo.agentLogin(),
                "AGENT_PASSWORD", demo.agentPassword(),
                "AGENT_NAME", LocalStack.DEMO_AGENT_NAME,
                "MEMBER_ID", demo.memberId(),
                "MEMBER_HASH", demo.memberHash(),
                "CHROMIUM", chromium.toString()), Duration.ofMinutes(5));

        assertThat(exit).as("node --test in infra/browser-tests (its report is in the test output)").isZero();
    }
}
