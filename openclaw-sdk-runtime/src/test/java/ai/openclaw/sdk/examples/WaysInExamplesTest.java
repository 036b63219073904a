package ai.openclaw.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.health.HealthEndpoint;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.server.Problem;
import ai.openclaw.sdk.server.Responder;
import ai.openclaw.sdk.server.ResponseValidation;
import ai.openclaw.sdk.server.ServerKit;
import ai.openclaw.sdk.server.ServerResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/server.md, docs/runtime.md and docs/configuration.md, compiled and run against the samples'
 * contracts over real HTTP. The marked regions are the docs' code blocks: {@link DocsSnippetsTest} checks each page
 * still shows them.
 */
class WaysInExamplesTest {
    public record User(String id, String email, String name, String createdAt) {}

    public record UserCreated(String userId, String email, String name, String createdAt) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, User> users =
            new ConcurrentHashMap<>(Map.of("u-1", new User("u-1", "ada@example.com", "Ada", "2026-12-03T10:00:00Z")));

    @Test
    void plainJavaTheServerKitOnTheJdkServer() throws Exception {
        HttpContract contract = ContractRegistry.load(Path.of("../samples/contracts"))
                .httpContract("user-service")
                .orElseThrow();
        // [docs/server.md]
        ServerKit kit = ServerKit.builder("user-service", contract)
                .responseValidation(ResponseValidation.LOG)
                .build();
        Responder getUser = request -> {
            User user = users.get(request.variable("id"));
            if (user == null) {
                throw new Problem(404, "no such user", "no user " + request.variable("id"));
            }
            return ServerResponse.ok(user);
        };
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", kit.httpHandler(getUser));
        server.start();
        // [end]
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(base.resolve("/users/u-1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("ada@example.com");
            HttpResponse<String> missing = http.send(
                    HttpRequest.newBuilder(base.resolve("/users/u-9")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue(ServerKit.PROBLEM_JSON);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theRuntimeObject() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        OpenClawSettings settings = OpenClawSettings.of(Map.of(
                "openclaw.catalog", "../samples/.openclaw/services.yaml",
                "openclaw.contracts", "../samples/contracts",
                "openclaw.resilience.policies.user-calls.max-attempts", "2",
                "openclaw.resilience.policies.billing-calls.max-attempts", "2"));
        List<UserCreated> trials = new CopyOnWriteArrayList<>();
        try (ServiceRuntime users = ServiceRuntime.builder("user-service")
                .settings(settings)
                .transport(transport)
                .build()) {
            // [docs/runtime.md]
            try (ServiceRuntime runtime = ServiceRuntime.builder("billing-service")
                    .settings(settings)
                    .transport(transport)
                    .build()) {
                EventSubscriber subscriber = runtime.subscriber(s -> s.startFromBeginning(true)
                        .on("user.created", UserCreated.class, (event, meta) -> trials.add(event)));
                subscriber.start();
                EventPublisher publisher = users.publisher();
                publisher.publish(
                        "user.created", new UserCreated("u-7", "grace@example.com", "Grace", "2026-12-03T10:00:00Z"));
                // [end]
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (trials.isEmpty()) {
                    assertThat(System.nanoTime()).as("waiting for the event").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(trials).extracting(UserCreated::userId).containsExactly("u-7");
                assertThat(HealthEndpoint.of(runtime.health()).respond("/ready").status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void configurationFromAFileAndTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("openclaw.yaml");
        Files.writeString(file, """
                openclaw:
                  server:
                    max-body-bytes: 65536
                    response-validation: log
                """);
        Map<String, String> environment = Map.of("OPENCLAW_SERVER_MAX_BODY_BYTES", "131072");
        HttpContract contract = ContractRegistry.load(Path.of("../samples/contracts"))
                .httpContract("user-service")
                .orElseThrow();
        // [docs/configuration.md]
        OpenClawSettings settings =
                OpenClawSettings.builder().file(file).environment(environment).build();
        settings.check(SettingKeys.ALL).forEach(finding -> System.err.println(finding));
        ServerKit kit =
                ServerKit.builder("user-service", contract).settings(settings).build();
        // [end]
        assertThat(kit.maxBodyBytes()).isEqualTo(131072);
        assertThat(settings.origin(SettingKeys.SERVER_RESPONSE_VALIDATION).orElseThrow())
                .startsWith(file + ":4:");
        assertThat(settings.check(SettingKeys.ALL)).isEmpty();
    }
}
