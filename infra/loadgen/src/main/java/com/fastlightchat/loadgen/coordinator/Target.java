package com.fastlightchat.loadgen.coordinator;

import com.fastlightchat.loadgen.worker.JsonLines;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the socket scenarios run against: our platform (messages posted through the command side, pushed by the
 * realtime edge instances) or the reference socket.io server (messages published to it directly). Either way the
 * same users, chats and organizations, the same sockets and the same rates.
 */
sealed interface Target permits Target.Ours, Target.Reference {

    /** Memory of one server process: resident set and live heap (after a full GC when asked), in bytes. */
    record Memory(long rss, long heapUsed) {
    }

    String name();

    /** The Socket.IO port of each server instance; sockets are spread over them. */
    List<Integer> ports();

    /** Report group name → process id of the processes that hold the sockets. */
    Map<String, Long> serverPids();

    String deviceAuth(Identities.User user);

    String agentAuth(Identities.Org org, Identities.Agent agent);

    /** The request that posts one message of {@code user} to their chat. */
    HttpRequest post(Identities.User user, String clientMessageId, String text);

    /** Memory of each socket-holding process, after a full garbage collection when {@code gc}. */
    Map<String, Memory> memory(Http http, boolean gc);

    /** Our platform as started by the stack host. */
    record Ours(String commandUrl, List<Integer> ports, Map<String, Long> serverPids, Map<String, String> edgeUrls)
            implements Target {

        @Override
        public String name() {
            return "ours";
        }

        @Override
        public String deviceAuth(Identities.User user) {
            return json(Map.of("pluginKey", user.pluginKey(), "userToken", user.userToken()));
        }

        @Override
        public String agentAuth(Identities.Org org, Identities.Agent agent) {
            return json(Map.of("token", agent.token()));
        }

        @Override
        public HttpRequest post(Identities.User user, String clientMessageId, String text) {
            return Http.post(commandUrl + "/v1/sdk/chats/" + user.chatId() + "/messages",
                    Map.of("X-Plugin-Key", user.pluginKey(), "X-User-Token", user.userToken()),
                    "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}");
        }

        @Override
        public Map<String, Memory> memory(Http http, boolean gc) {
            Map<String, Memory> memory = new LinkedHashMap<>();
            serverPids.forEach((name, pid) -> {
                if (gc) {
                    fullGc(pid);
                }
                long heap = -1;
                try {
                    var answer = http.send(Http.get(edgeUrls.get(name)
                            + "/actuator/metrics/jvm.memory.used?tag=area:heap", Map.of()));
                    heap = (long) answer.body().path("measurements").path(0).path("value").asDouble(-1);
                } catch (RuntimeException e) {
                    // no heap figure
                }
                memory.put(name, new Memory(rss(pid), heap));
            });
            return memory;
        }

        private static void fullGc(long pid) {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            try {
                Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (IOException e) {
                // measured without a GC
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The reference socket.io server. */
    record Reference(String url, int port, long pid) implements Target {

        @Override
        public String name() {
            return "reference";
        }

        @Override
        public List<Integer> ports() {
            return List.of(port);
        }

        @Override
        public Map<String, Long> serverPids() {
            return Map.of("reference-server", pid);
        }

        @Override
        public String deviceAuth(Identities.User user) {
            return json(Map.of("userId", user.userId(), "organizationId", user.organizationId()));
        }

        @Override
        public String agentAuth(Identities.Org org, Identities.Agent agent) {
            return json(Map.of("organizationId", org.organizationId()));
        }

        @Override
        public HttpRequest post(Identities.User user, String clientMessageId, String text) {
            return Http.post(url + "/publish", Map.of(), "{\"chatId\":\"" + user.chatId() + "\",\"organizationId\":\""
                    + user.organizationId() + "\",\"userId\":\"" + user.userId() + "\",\"clientMessageId\":\""
                    + clientMessageId + "\",\"text\":\"" + text + "\"}");
        }

        @Override
        public Map<String, Memory> memory(Http http, boolean gc) {
            var stats = http.expect(Http.get(url + "/stats" + (gc ? "?gc=1" : ""), Map.of()), 200).body();
            return Map.of("reference-server", new Memory(stats.path("rss").asLong(), stats.path("heapUsed").asLong()));
        }
    }

    private static String json(Map<String, String> fields) {
        return JsonLines.JSON.writeValueAsString(fields);
    }

    /** Resident set size of a process, from {@code /proc/<pid>/status}. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
