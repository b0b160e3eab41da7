package com.fastlightchat.edge;

import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.testservers.TestServers;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /sdk} handshake checks the plugin key with the query side, remembering known keys in Redis. */
class PluginKeyIT {

    private static final OrganizationId ORG = new OrganizationId(Ids.random("org"));
    private static final String ENV = EdgeFixture.ENVIRONMENT;

    private static EdgeFixture fixture;
    private static int port;

    @BeforeAll
    static void startEdge() throws Exception {
        fixture = new EdgeFixture(TestServers.shared().isolate(PluginKeyIT.class));
        port = fixture.startEdge(Map.of());
    }

    @AfterAll
    static void stopEdge() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void givenKnownPluginKey_whenConnectingTwice_thenBothAcceptedAndTheQuerySideAskedOnce() throws Exception {
        int before = fixture.querySide().environmentCalls();
        try (TestSocket first = widget(EdgeFixture.PLUGIN_KEY)) {
            assertThat(fixture.querySide().environmentCalls()).isEqualTo(before + 1);
        }
        try (TestSocket second = widget(EdgeFixture.PLUGIN_KEY)) {
            assertThat(fixture.querySide().environmentCalls()).isEqualTo(before + 1);
        }
    }

    @Test
    void givenUnknownPluginKey_whenConnecting_thenRefusedWithAClearMessage() throws Exception {
        Object error = TestSocket.refused(port, "/sdk", Map.of("pluginKey", "pk_" + Ids.random("wrong"),
                "userToken", EdgeFixture.userToken(ORG, ENV, new UserId(Ids.random("usr")))));

        assertThat(((JSONObject) error).getString("message")).isEqualTo("plugin key is unknown");
    }

    @Test
    void givenPluginKeyOfAnotherEnvironment_whenConnecting_thenRefusedWithAClearMessage() throws Exception {
        Object error = TestSocket.refused(port, "/sdk", Map.of("pluginKey", EdgeFixture.PLUGIN_KEY,
                "userToken", EdgeFixture.userToken(ORG, Ids.random("env"), new UserId(Ids.random("usr")))));

        assertThat(((JSONObject) error).getString("message"))
                .isEqualTo("plugin key does not belong to the token's environment");
    }

    private static TestSocket widget(String pluginKey) throws Exception {
        return TestSocket.connect(port, "/sdk", Map.of("pluginKey", pluginKey,
                "userToken", EdgeFixture.userToken(ORG, ENV, new UserId(Ids.random("usr")))));
    }
}
