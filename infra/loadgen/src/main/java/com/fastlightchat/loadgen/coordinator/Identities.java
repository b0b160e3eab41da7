package com.fastlightchat.loadgen.coordinator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The tenants, agents and end users of a run, created through the public API exactly as real clients would be:
 * each organization by sign-up, its agents by invitation, acceptance and login (then online), each end user by an
 * SDK boot followed by opening one chat. Users are created in parallel.
 */
final class Identities {

    record Agent(String agentId, String login, String token) {
    }

    record Org(int index, String organizationId, String pluginKey, List<Agent> agents) {
    }

    /** An end user with one chat; {@code org} is the index of their organization. */
    record User(int index, int org, String organizationId, String pluginKey, String userId, String userToken,
                String chatId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    final List<Org> orgs;
    final List<User> users;

    private Identities(List<Org> orgs, List<User> users) {
        this.orgs = orgs;
        this.users = users;
    }

    int agentCount() {
        return orgs.stream().mapToInt(org -> org.agents().size()).sum();
    }

    /**
     * @param agents      agents in all (spread evenly over the organizations)
     * @param users       end users in all, each with one chat (spread evenly)
     * @param parallelism HTTP calls in flight at a time
     */
    static Identities create(Http http, String commandUrl, String signupToken, int orgCount, int agents, int users,
                             int parallelism, Consumer<String> progress) {
        long started = System.nanoTime();
        List<Org> orgs = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int o = 0; o < orgCount; o++) {
            int agentsHere = agents / orgCount + (o < agents % orgCount ? 1 : 0);
            orgs.add(createOrg(http, commandUrl, signupToken, run, o, agentsHere));
        }
        progress.accept(String.format("%d organizations with %d agents in %.1f s", orgCount, agents,
                (System.nanoTime() - started) / 1e9));
        List<User> created = createUsers(http, commandUrl, orgs, users, parallelism, progress);
        return new Identities(List.copyOf(orgs), created);
    }

    /**
     * Waits until the query side serves every user's chat (it projects them from the stream a little after they
     * are opened), so that joins measure the sockets, not the projection's catch-up. Returns the seconds waited.
     */
    double awaitProjected(Http http, String queryUrl, int parallelism, Consumer<String> progress) {
        long started = System.nanoTime();
        java.util.List<User> missing = new ArrayList<>(users);
        while (!missing.isEmpty()) {
            Semaphore permits = new Semaphore(parallelism);
            java.util.List<User> stillMissing = java.util.Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (User user : missing) {
                    executor.submit(() -> {
                        permits.acquireUninterruptibly();
                        try {
                            var answer = http.send(Http.get(queryUrl + "/v1/sdk/chats/" + user.chatId(),
                                    Map.of("X-Plugin-Key", user.pluginKey(), "X-User-Token", user.userToken())));
                            if (answer.status() != 200) {
                                stillMissing.add(user);
                            }
                        } catch (RuntimeException e) {
                            stillMissing.add(user);
                        } finally {
                            permits.release();
                        }
                    });
                }
            }
            missing = new ArrayList<>(stillMissing);
            if (!missing.isEmpty()) {
                progress.accept(String.format("query side has projected %,d of %,d chats", users.size()
                        - missing.size(), users.size()));
                if (System.nanoTime() - started > java.util.concurrent.TimeUnit.MINUTES.toNanos(30)) {
                    throw new IllegalStateException(missing.size() + " chats still not projected after 30 minutes");
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static Org createOrg(Http http, String commandUrl, String signupToken, String run, int index,
                                 int agentCount) {
        String ownerLogin = "owner-" + run + "-" + index + "@bench.test";
        String ownerPassword = password();
        var signUp = http.expect(Http.post(commandUrl + "/v1/signup", Map.of("X-Signup-Token", signupToken),
                Map.of("organizationName", "Bench " + run + " " + index, "environmentName", "production",
                        "ownerEmail", ownerLogin, "ownerName", "Owner " + index, "ownerPassword", ownerPassword)), 201);
        String ownerToken = login(http, commandUrl, ownerLogin, ownerPassword);
        List<Agent> agents = new ArrayList<>();
        for (int a = 0; a < agentCount; a++) {
            String login = "agent-" + run + "-" + index + "-" + a + "@bench.test";
            String password = password();
            var invited = http.expect(Http.post(commandUrl + "/v1/agents", bearer(ownerToken),
                    Map.of("email", login, "name", "Agent " + index + "." + a, "role", "agent")), 201, 200);
            http.expect(Http.post(commandUrl + "/v1/agents/invitations/accept", Map.of(),
                    Map.of("token", invited.field("invitationToken"), "password", password)), 200, 201);
            String token = login(http, commandUrl, login, password);
            http.send(Http.request(commandUrl + "/v1/agents/me/presence", bearer(token))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"presence\":\"online\"}")).build());
            agents.add(new Agent(invited.field("agentId"), login, token));
        }
        return new Org(index, signUp.field("organizationId"), signUp.field("pluginKey"), List.copyOf(agents));
    }

    private static List<User> createUsers(Http http, String commandUrl, List<Org> orgs, int count, int parallelism,
                                          Consumer<String> progress) {
        long started = System.nanoTime();
        Semaphore permits = new Semaphore(parallelism);
        AtomicInteger done = new AtomicInteger();
        List<Future<User>> futures = new ArrayList<>(count);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread reporter = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.accept(String.format("users %,d/%,d (%.0f/s)", done.get(), count, done.get() / seconds));
                }
            });
            for (int u = 0; u < count; u++) {
                int index = u;
                Org org = orgs.get(u % orgs.size());
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        User user = createUser(http, commandUrl, org, index);
                        done.incrementAndGet();
                        return user;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<User> users = new ArrayList<>(count);
            for (Future<User> future : futures) {
                users.add(future.get());
            }
            reporter.interrupt();
            progress.accept(String.format("%,d users with a chat each in %.1f s", count,
                    (System.nanoTime() - started) / 1e9));
            return users;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not create the users: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static User createUser(Http http, String commandUrl, Org org, int index) {
        var boot = retrying(() -> http.expect(Http.post(commandUrl + "/v1/sdk/boot",
                Map.of("X-Plugin-Key", org.pluginKey()), Map.of()), 200, 201));
        String token = boot.field("userToken");
        var chat = retrying(() -> http.expect(Http.post(commandUrl + "/v1/sdk/chats",
                Map.of("X-Plugin-Key", org.pluginKey(), "X-User-Token", token), null), 201));
        return new User(index, org.index(), org.organizationId(), org.pluginKey(), boot.field("userId"), token,
                chat.field("chatId"));
    }

    /** A call that failed on a busy machine (timeout, 5xx) is tried again, up to three times. */
    private static Http.Response retrying(java.util.function.Supplier<Http.Response> call) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String login(Http http, String commandUrl, String login, String password) {
        return http.expect(Http.post(commandUrl + "/v1/auth/login", Map.of(),
                Map.of("login", login, "password", password)), 200).field("accessToken");
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
