package ai.openclaw.sdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.health.HealthResult;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A runtime's own alerts, posted to a webhook receiver on loopback, with a real redis-server under the events: a health
 * check going DOWN and UP, a circuit opening, an event dead-lettered, a consumer group lagging and catching up.
 */
class RuntimeAlertsIT {
    private static final Path SAMPLES =
            Path.of("..", "samples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private RedisServer redis;
    private HttpServer receiver;
    private String prefix;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.builder().appendOnly(false).start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alerts/hook-s3cr3t", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        prefix = "alerts-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
    }

    private ServiceRuntime runtime(String service, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "openclaw.catalog",
                SAMPLES.resolve(".openclaw/services.yaml").toString(),
                "openclaw.contracts",
                SAMPLES.resolve("contracts").toString(),
                "openclaw.redis.url",
                redis.uri().toString(),
                "openclaw.events.stream-prefix",
                prefix,
                "openclaw.alerts.webhook.url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts/hook-s3cr3t",
                "openclaw.alerts.webhook.authorization",
                "Bearer tok-9",
                "openclaw.alerts.check-interval",
                "100ms",
                "openclaw.alerts.min-interval",
                "1ms"));
        settings.putAll(more);
        return ServiceRuntime.builder(service)
                .settings(OpenClawSettings.builder()
                        .file(SAMPLES.resolve(".openclaw/resilience.properties"))
                        .map("test", settings)
                        .build())
                .build();
    }

    private JsonNode awaitAlert(String what, Predicate<JsonNode> match) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode alert : received) {
                if (match.test(alert)) {
                    return alert;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no alert within 30 s: " + what + "; received " + received);
    }

    private static Predicate<JsonNode> alert(String level, String kind, String subject) {
        return a -> a.get("level").asText().equals(level)
                && a.get("kind").asText().equals(kind)
                && a.get("subject").asText().equals(subject);
    }

    @Test
    void aHealthCheckGoingDownAndUpIsCriticalThenResolved() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        try (ServiceRuntime runtime = runtime("billing-service", Map.of())) {
            runtime.health().readiness("ledger", () -> HealthResult.of(up.get()));
            up.set(false);
            JsonNode down = awaitAlert("ledger DOWN", alert("critical", "health", "ledger"));
            up.set(true);
            awaitAlert("ledger UP", alert("resolved", "health", "ledger"));

            assertThat(down.get("service").asText()).isEqualTo("billing-service");
            assertThat(down.get("summary").asText()).isEqualTo("ledger is DOWN");
        }
        assertThat(authorizations).containsOnly("Bearer tok-9");
        assertThat(received.toString()).doesNotContain("s3cr3t").doesNotContain("tok-9");
    }

    @Test
    void aSubscriberStoppedOnPurposeIsNoAlert() throws Exception {
        AtomicBoolean marker = new AtomicBoolean(true);
        try (ServiceRuntime runtime = runtime("billing-service", Map.of())) {
            EventSubscriber subscriber = runtime.subscriber(s -> s.onEnvelope("user.created", (e, m) -> {}));
            subscriber.start();
            subscriber.close();
            runtime.health().readiness("marker", () -> HealthResult.of(marker.get()));
            marker.set(false);
            // the marker's alert comes from a look that also saw the stopped subscriber's checks
            awaitAlert("marker DOWN", alert("critical", "health", "marker"));

            assertThat(received)
                    .noneMatch(a -> a.get("kind").asText().equals("health")
                            && List.of("subscriber", "events")
                                    .contains(a.get("subject").asText()));
        }
    }

    @Test
    void aCircuitOpeningIsCritical() throws Exception {
        try (ServiceRuntime runtime = runtime(
                "billing-service",
                Map.of(
                        "openclaw.service.user-service.url", "http://127.0.0.1:1",
                        "openclaw.resilience.policies.user-calls.max-attempts", "1",
                        "openclaw.resilience.policies.user-calls.window", "2",
                        "openclaw.resilience.policies.user-calls.minimum-calls", "2",
                        "openclaw.resilience.policies.user-calls.open-duration", "10m"))) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> runtime.clients()
                                .client("user-service")
                                .get("/users/{id}")
                                .pathVariable("id", "u-1")
                                .send(String.class))
                        .isNotNull();
            }
            JsonNode open = awaitAlert("circuit open", alert("critical", "circuit", "user-service"));
            assertThat(open.get("details").get("to").asText()).isEqualTo("open");
        }
    }

    @Test
    void deadLettersAreAWarningNamingTheGroupAndCount() throws Exception {
        try (ServiceRuntime billing = runtime(
                        "billing-service",
                        Map.of(
                                "openclaw.events.max-deliveries", "1",
                                "openclaw.events.handler-attempts", "1"));
                ServiceRuntime users = runtime("user-service", Map.of("openclaw.alerts.enabled", "false"))) {
            EventSubscriber subscriber = billing.subscriber(s -> s.onEnvelope("user.created", (e, m) -> {
                throw new IllegalStateException("poison");
            }));
            subscriber.start();
            users.publisher()
                    .publish(
                            "user.created",
                            Map.of(
                                    "userId",
                                    "u-1",
                                    "email",
                                    "ada@example.com",
                                    "name",
                                    "Ada",
                                    "createdAt",
                                    "2026-11-22T10:00:00Z"));

            JsonNode letter = awaitAlert("dead letter", alert("warning", "dead-letter", "billing-service"));
            assertThat(letter.get("details").get("new").asInt()).isEqualTo(1);
            assertThat(letter.get("summary").asText()).isEqualTo("1 event dead-lettered by billing-service");
        }
    }

    @Test
    void aLaggingGroupIsAWarningAndCatchingUpResolvesIt() throws Exception {
        assumeTrue(
                !redis.version().startsWith("6."),
                "Redis " + redis.version() + " does not report a group's lag (Redis 7 does)");
        try (ServiceRuntime billing = runtime("billing-service", Map.of("openclaw.alerts.lag-threshold", "5"));
                ServiceRuntime users = runtime("user-service", Map.of("openclaw.alerts.enabled", "false"))) {
            List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
            EventSubscriber first = billing.subscriber(s -> s.onEnvelope("user.created", (e, m) -> handled.add(e)));
            first.start(); // creates the group
            first.close(); // nobody reads now
            for (int i = 0; i < 10; i++) {
                users.publisher()
                        .publish(
                                "user.created",
                                Map.of(
                                        "userId",
                                        "u-" + i,
                                        "email",
                                        "u" + i + "@example.com",
                                        "name",
                                        "U",
                                        "createdAt",
                                        "2026-11-22T10:00:00Z"));
            }
            String stream = prefix + "user.created";
            JsonNode lag = awaitAlert("lag", alert("warning", "lag", stream));
            assertThat(lag.get("details").get("lag").asLong()).isGreaterThan(5);

            billing.subscriber(s -> s.onEnvelope("user.created", (e, m) -> handled.add(e)))
                    .start();
            awaitAlert("caught up", alert("resolved", "lag", stream));
        }
    }
}
