package com.fastlightchat.localstack;

import com.fastlightchat.testservers.EmbeddedServers;
import com.fastlightchat.testservers.FreePorts;
import com.fastlightchat.testservers.ServerEndpoints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole platform on this machine: real Kafka (KRaft), PostgreSQL 17, Redis and the Mongo wire server, then
 * the command side, query side and realtime edge as child processes, then a demo organization created through the
 * public sign-up API. Everything starts fresh (the data directory is wiped), and {@link #close()} — also run on
 * Ctrl-C — stops every process it started.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * Where things run.
     *
     * @param home       the repository root (the service jars are under its modules' {@code target/})
     * @param workDir    data and logs of this run; wiped at start
     * @param servers    ports of Kafka, PostgreSQL, Mongo and Redis (0 = free port)
     * @param command    HTTP port of the command side
     * @param query      HTTP port of the query side
     * @param edgeSocket Socket.IO port of the realtime edge
     * @param edgeHttp   HTTP (health, metrics) port of the realtime edge
     * @param services   how the service processes run (JVM options, how many edge instances)
     */
    public record Options(Path home, Path workDir, EmbeddedServers.Ports servers, int command, int query,
                          int edgeSocket, int edgeHttp, Services services) {

        public Options(Path home, Path workDir, EmbeddedServers.Ports servers, int command, int query, int edgeSocket,
                       int edgeHttp) {
            this(home, workDir, servers, command, query, edgeSocket, edgeHttp, Services.DEFAULT);
        }

        /** The fixed ports the README documents. */
        public static Options defaults(Path home) {
            return new Options(home, home.resolve(".flc-local"), new EmbeddedServers.Ports(19092, 15432, 27117, 16379),
                    8081, 8082, 8083, 8084);
        }

        /** Free ports everywhere, for tests. */
        public static Options freePorts(Path home, Path workDir) {
            FreePorts ports = new FreePorts();
            return new Options(home, workDir, EmbeddedServers.Ports.random(), ports.orFree(0), ports.orFree(0),
                    ports.orFree(0), ports.orFree(0));
        }

        /** Free ports from {@code ports} everywhere (the Kafka controller's excepted). */
        public static Options freePorts(Path home, Path workDir, FreePorts ports) {
            return new Options(home, workDir, new EmbeddedServers.Ports(ports.orFree(0), ports.orFree(0),
                    ports.orFree(0), ports.orFree(0)), ports.orFree(0), ports.orFree(0), ports.orFree(0),
                    ports.orFree(0), Services.DEFAULT.withPorts(ports));
        }

        public Options withServices(Services services) {
            return new Options(home, workDir, servers, command, query, edgeSocket, edgeHttp, services);
        }
    }

    /**
     * How the service processes run.
     *
     * @param jvmOptions     JVM options of the command and query sides
     * @param edgeJvmOptions JVM options of each realtime edge instance
     * @param edges          how many realtime edge instances (the first on the options' edge ports, the others on
     *                       free ports), all reading the same topics and sharing Redis
     * @param edgeArguments  extra Spring arguments of every edge instance ({@code --flc.edge.…=…})
     * @param healthyWithin  how long each service may take to start (a busy machine and full JIT need longer)
     * @param ports          where the ports of the additional edge instances come from
     */
    public record Services(List<String> jvmOptions, List<String> edgeJvmOptions, int edges,
                           List<String> edgeArguments, Duration healthyWithin, FreePorts ports) {

        /** Small heaps and quick start-up: right for tests and {@code ./flc run}. */
        public static final Services DEFAULT = new Services(
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), 1, List.of(),
                Duration.ofMinutes(3), new FreePorts());

        Services withPorts(FreePorts ports) {
            return new Services(jvmOptions, edgeJvmOptions, edges, edgeArguments, healthyWithin, ports);
        }

        public Services {
            jvmOptions = List.copyOf(jvmOptions);
            edgeJvmOptions = List.copyOf(edgeJvmOptions);
            edgeArguments = List.copyOf(edgeArguments);
            if (edges < 1) {
                throw new IllegalArgumentException("at least one edge instance, got " + edges);
            }
        }
    }

    /**
     * The demo tenant created at start; secrets and passwords are new on every run. The demo agent
     * ({@code agentLogin}) is the owner; {@code secondAgentLogin} an agent. {@code memberId} is an identified member
     * of the demo site, with the {@code memberHash} its backend would compute.
     */
    public record Demo(String organizationId, String environmentId, String pluginKey, String apiKey, String apiSecret,
                       String memberSecret, String agentLogin, String agentPassword, String secondAgentLogin,
                       String secondAgentPassword, String memberId, String memberHash) {
    }

    public static final String DEMO_LOGIN = "demo@fastlight.chat";
    public static final String DEMO_AGENT_NAME = "Jordan Blake";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Options options;

    /** How to start one service; kept so that a service can be killed and started again (fault tests). */
    private record ServiceSpec(String name, Path jar, List<String> jvmOptions, List<String> arguments, URI health,
                               Path logs) {
        ServiceProcess launch() {
            return ServiceProcess.start(name, jar, jvmOptions, arguments, logs, health);
        }
    }

    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final List<Integer> edgeSocketPorts = new ArrayList<>();
    private EmbeddedServers servers;
    private Demo demo;
    /** The operator token of the query side ({@code X-Admin-Token}, rebuilds); new on every run. */
    private final String queryAdminToken = randomSecret(24);
    private String signupToken;

    private LocalStack(Options options) {
        this.options = options;
    }

    /** Starts everything and returns when all services are healthy and the demo tenant exists. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = options.workDir().resolve("data");
        Path logs = options.workDir().resolve("logs");
        wipe(data);
        wipe(logs);
        servers = EmbeddedServers.start(options.servers(), data);
        ServerEndpoints endpoints = servers.endpoints();
        createDatabases(endpoints, "flc_command", "flc_query");

        String tokenSecret = randomSecret(48);
        signupToken = randomSecret(24);
        String serviceToken = randomSecret(32);
        List<String> jvm = options.services().jvmOptions();
        String kafka = "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers();
        String redisHost = "--spring.data.redis.host=" + endpoints.redisHost();
        String redisPort = "--spring.data.redis.port=" + endpoints.redisPort();

        define("command-side", jvm, List.of(
                "--server.port=" + options.command(), kafka, redisHost, redisPort,
                "--spring.datasource.url=" + endpoints.postgresJdbcUrl("flc_command"),
                "--spring.datasource.username=" + endpoints.postgresUser(),
                "--spring.datasource.password=" + endpoints.postgresPassword(),
                "--flc.command.token-secret=" + tokenSecret,
                "--flc.command.signup-token=" + signupToken,
                "--flc.command.secrets-key=" + Base64.getEncoder().encodeToString(randomBytes(32)),
                "--flc.command.service-token=" + serviceToken,
                "--flc.command.topic-partitions=3",
                // the agent console is served by the query side and calls the command API from there
                "--flc.web.allowed-origins=" + queryUrl()), options.command(), logs);
        define("query-side", jvm, List.of(
                "--server.port=" + options.query(), kafka, redisHost, redisPort,
                "--spring.datasource.url=" + endpoints.postgresJdbcUrl("flc_query"),
                "--spring.datasource.username=" + endpoints.postgresUser(),
                "--spring.datasource.password=" + endpoints.postgresPassword(),
                "--spring.mongodb.uri=" + endpoints.mongoUri(),
                "--spring.mongodb.database=flc",
                // the analytics state stores live with the stack's data, never shared with another stack on the host
                "--flc.query.analytics.state-dir=" + data.resolve("query-analytics"),
                "--flc.query.analytics.output-partitions=3",
                "--flc.query.token-secret=" + tokenSecret,
                "--flc.query.admin-token=" + queryAdminToken,
                "--flc.query.command-base-url=" + commandUrl(),
                "--flc.query.service-token=" + serviceToken,
                "--flc.public.command-url=" + commandUrl(),
                "--flc.public.query-url=" + queryUrl(),
                "--flc.public.edge-url=" + edgeUrl()), options.query(), logs);
        FreePorts freePorts = options.services().ports();
        for (int instance = 1; instance <= options.services().edges(); instance++) {
            int socketPort = instance == 1 ? options.edgeSocket() : freePorts.orFree(0);
            int httpPort = instance == 1 ? options.edgeHttp() : freePorts.orFree(0);
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=" + httpPort, kafka, redisHost, redisPort,
                    "--flc.edge.socket-port=" + socketPort,
                    "--flc.edge.query-base-url=" + queryUrl(),
                    "--flc.edge.token-secret=" + tokenSecret,
                    "--flc.edge.command-base-url=" + commandUrl(),
                    "--flc.edge.service-token=" + serviceToken));
            arguments.addAll(options.services().edgeArguments());
            edgeSocketPorts.add(socketPort);
            define(edgeName(instance), "realtime-edge", options.services().edgeJvmOptions(), arguments, httpPort, logs);
        }
        for (ServiceSpec spec : specs.values()) {
            running.put(spec.name(), spec.launch());
        }
        CompletableFuture.allOf(running.values().stream()
                        .map(service -> CompletableFuture.runAsync(
                                () -> service.awaitHealthy(options.services().healthyWithin())))
                        .toArray(CompletableFuture[]::new))
                .join();
        demo = seed(signupToken);
    }

    /** {@code realtime-edge}, then {@code realtime-edge-2}, … */
    private static String edgeName(int instance) {
        return instance == 1 ? "realtime-edge" : "realtime-edge-" + instance;
    }

    private Demo seed(String signupToken) {
        String password = randomSecret(12);
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("organizationName", "Demo Inc")
                .put("environmentName", "production")
                .put("ownerEmail", DEMO_LOGIN)
                .put("ownerName", DEMO_AGENT_NAME)
                .put("ownerPassword", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl() + "/v1/signup"))
                .header("Content-Type", "application/json")
                .header("X-Signup-Token", signupToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("demo sign-up failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode result = JSON.readTree(response.body());
            Demo signedUp = new Demo(result.get("organizationId").asString(), result.get("environmentId").asString(),
                    result.get("pluginKey").asString(), result.get("apiKey").asString(),
                    result.get("apiSecret").asString(), result.path("memberSecret").asString(""), DEMO_LOGIN, password,
                    null, null, null, null);
            DemoData.Seeded seeded = DemoData.populate(http, commandUrl(), signedUp, randomSecret(12));
            return new Demo(signedUp.organizationId(), signedUp.environmentId(), signedUp.pluginKey(),
                    signedUp.apiKey(), signedUp.apiSecret(), signedUp.memberSecret(), DEMO_LOGIN, password,
                    seeded.secondAgentLogin(), seeded.secondAgentPassword(), seeded.memberId(), seeded.memberHash());
        } catch (IOException e) {
            throw new IllegalStateException("demo sign-up failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public String commandUrl() {
        return "http://localhost:" + options.command();
    }

    public String queryUrl() {
        return "http://localhost:" + options.query();
    }

    /** The Socket.IO endpoint; end users connect to namespace {@code /sdk}. */
    public String edgeUrl() {
        return "http://localhost:" + options.edgeSocket();
    }

    /** The query side's operator token ({@code X-Admin-Token}) for {@code /v1/admin/rebuilds}. */
    public String queryAdminToken() {
        return queryAdminToken;
    }

    /** The agent console, served by the query side. */
    public String consoleUrl() {
        return queryUrl() + "/console/";
    }

    /** The demo customer page with the chat widget, booted with the demo plugin key. */
    public String demoPageUrl() {
        return queryUrl() + "/demo/?pluginKey=" + demo.pluginKey();
    }

    /** The Socket.IO endpoint of every edge instance, the first being {@link #edgeUrl()}. */
    public List<String> edgeUrls() {
        return edgeSocketPorts.stream().map(port -> "http://localhost:" + port).toList();
    }

    public Demo demo() {
        return demo;
    }

    /** The {@code X-Signup-Token} this run's command side requires, for creating more organizations. */
    public String signupToken() {
        return signupToken;
    }

    /** The HTTP base URL (actuator, API) of each service by name ({@code command-side}, {@code realtime-edge-2}, …). */
    public Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        specs.forEach((name, spec) -> urls.put(name, spec.health().resolve("/").toString().replaceAll("/$", "")));
        return urls;
    }

    /** The process id of each running service by name ({@code command-side}, {@code realtime-edge-2}, …). */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    public ServerEndpoints servers() {
        return servers.endpoints();
    }

    /**
     * Kills a service at once with SIGKILL ({@code kill -9}: no shutdown hook, no graceful stop), as a crash would:
     * {@code command-side}, {@code query-side} or {@code realtime-edge}.
     *
     * @return the process's exit code (137 = 128 + SIGKILL on Linux)
     */
    public synchronized int kill(String service) {
        ServiceProcess process = running.remove(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not running");
        }
        return process.kill();
    }

    /** Starts a killed service again and waits until it is healthy. */
    public synchronized void start(String service) {
        ServiceSpec spec = specs.get(service);
        if (spec == null || running.containsKey(service)) {
            throw new IllegalArgumentException(service + " is unknown or already running");
        }
        ServiceProcess process = spec.launch();
        running.put(service, process);
        process.awaitHealthy(options.services().healthyWithin());
    }

    /**
     * Stops the Kafka broker (it runs inside this JVM, so this is its shutdown, not a signal): every client's
     * connection breaks and new ones are refused until {@link #startKafka()}.
     */
    public void stopKafka() {
        servers.stopKafka();
    }

    /** Starts the Kafka broker again on the same port, with every record it had. */
    public void startKafka() {
        servers.startKafka();
    }

    /** Stops PostgreSQL ({@code pg_ctl stop -m fast}: open transactions roll back, connections break). */
    public void stopPostgres() {
        servers.stopPostgres();
    }

    /** Starts PostgreSQL again on the same port, with its data. */
    public void startPostgres() {
        servers.startPostgres();
    }

    /** Stops Redis; it has no persistence, so its data is gone. */
    public void stopRedis() {
        servers.stopRedis();
    }

    /** Starts Redis again on the same port, empty. */
    public void startRedis() {
        servers.startRedis();
    }

    /** Empties the running Redis ({@code FLUSHALL}); clients stay connected. */
    public void flushRedis() {
        servers.flushRedis();
    }

    /** Stops the services, then the servers. Safe to call more than once. */
    @Override
    public synchronized void close() {
        for (ServiceProcess service : List.copyOf(running.values()).reversed()) {
            service.close();
        }
        running.clear();
        if (servers != null) {
            servers.close();
            servers = null;
        }
    }

    private void define(String name, List<String> jvm, List<String> arguments, int httpPort, Path logs) {
        define(name, name, jvm, arguments, httpPort, logs);
    }

    private void define(String name, String module, List<String> jvm, List<String> arguments, int httpPort,
                        Path logs) {
        specs.put(name, new ServiceSpec(name, jar(module), jvm, arguments, health(httpPort), logs));
    }

    private Path jar(String module) {
        Path target = options.home().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + " jar in " + target
                            + "; build first (./flc run does)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + module + " jar in " + target + "; build first (./flc run does)", e);
        }
    }

    private static URI health(int port) {
        return URI.create("http://localhost:" + port + "/actuator/health");
    }

    private static void createDatabases(ServerEndpoints endpoints, String... names) {
        try (var connection = DriverManager.getConnection(endpoints.postgresJdbcUrl("postgres"),
                endpoints.postgresUser(), endpoints.postgresPassword());
             var statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the databases", e);
        }
    }

    /** Deletes {@code directory} and everything in it (nothing if it does not exist). */
    static void wipe(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not clean " + directory, e);
        }
    }

    private static String randomSecret(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] buffer = new byte[count];
        RANDOM.nextBytes(buffer);
        return buffer;
    }

    /** {@code ./flc run [--free-ports]}: start, print where everything is, wait for Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("flc.home", ".")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        System.out.println("Starting Fast Light Chat (Kafka, PostgreSQL, Redis, Mongo wire server, 3 services)…");
        // --free-ports: a second stack next to one on the README's ports (data and logs in .flc-local-<pid>)
        boolean freePorts = java.util.Arrays.asList(args).contains("--free-ports");
        LocalStack stack = start(freePorts
                ? Options.freePorts(home, home.resolve(".flc-local-" + ProcessHandle.current().pid()))
                : Options.defaults(home));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Fast Light Chat…");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        Demo demo = stack.demo();
        System.out.printf("""

                Fast Light Chat is running (ready in %.1f s).

                  Agent console   %s
                                  log in as %s / %s   (second agent: %s / %s)
                  Demo page       %s
                                  as a signed-in member: %s&memberId=%s&memberHash=%s

                  Command API     %s
                  Query API       %s
                  Realtime edge   %s   (Socket.IO namespaces /sdk and /agent)
                  Servers         Kafka %s, PostgreSQL localhost:%d, Mongo %s, Redis localhost:%d

                Demo organization "Demo Inc" (%s), environment %s
                  Plugin key      %s
                  API key         %s
                  API secret      %s
                  Member secret   %s   (signs memberHash = hex HMAC-SHA256(memberId))

                Logs: %s   Press Ctrl-C to stop everything.
                """, (System.nanoTime() - started) / 1e9, stack.consoleUrl(), demo.agentLogin(),
                demo.agentPassword(), demo.secondAgentLogin(), demo.secondAgentPassword(), stack.demoPageUrl(),
                stack.demoPageUrl(), demo.memberId(), demo.memberHash(), stack.commandUrl(), stack.queryUrl(),
                stack.edgeUrl(), stack.servers().kafkaBootstrapServers(), stack.servers().postgresPort(),
                stack.servers().mongoUri(), stack.servers().redisPort(), demo.organizationId(), demo.environmentId(),
                demo.pluginKey(), demo.apiKey(), demo.apiSecret(), demo.memberSecret(),
                stack.options.workDir().resolve("logs"));
        stopped.await();
    }
}
