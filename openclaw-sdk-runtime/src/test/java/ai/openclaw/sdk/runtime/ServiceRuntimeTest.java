package ai.openclaw.sdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.UnknownServiceException;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.memory.InMemoryTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runtimes of the samples' services (their catalog and contracts, read from ../samples) over one in-memory transport. */
class ServiceRuntimeTest {
    /** The samples' files, and the settings every test shares. */
    private static final Map<String, String> SAMPLES = Map.of(
            "openclaw.catalog", "../samples/.openclaw/services.yaml",
            "openclaw.contracts", "../samples/contracts",
            "openclaw.events.stream-prefix", "runtime-test:",
            "openclaw.resilience.policies.user-calls.max-attempts", "2",
            "openclaw.resilience.policies.billing-calls.max-attempts", "2");

    private static OpenClawSettings settings(Map<String, String> more) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(SAMPLES);
        all.putAll(more);
        return OpenClawSettings.of(all);
    }

    public record UserCreated(String userId, String email, String name, String createdAt) {}

    @Test
    void aPublisherAndASubscriberOfTwoRuntimesMeetOnTheSameStreams() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        List<UserCreated> received = new CopyOnWriteArrayList<>();
        try (ServiceRuntime users = ServiceRuntime.builder("user-service")
                        .settings(settings(Map.of()))
                        .transport(transport)
                        .build();
                ServiceRuntime billing = ServiceRuntime.builder("billing-service")
                        .settings(settings(Map.of("openclaw.events.handler-attempts", "1")))
                        .transport(transport)
                        .build()) {
            EventSubscriber subscriber = billing.subscriber(s -> s.startFromBeginning(true)
                    .on("user.created", UserCreated.class, (event, meta) -> received.add(event)));
            subscriber.start();
            users.publisher()
                    .publish("user.created", new UserCreated("u-1", "ada@example.com", "Ada", "2026-12-03T10:00:00Z"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty()) {
                assertThat(System.nanoTime()).as("waiting for the event").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(received).extracting(UserCreated::userId).containsExactly("u-1");
            assertThat(transport.length("runtime-test:user.created"))
                    .as("the settings' stream prefix, on both sides")
                    .isEqualTo(1);
            assertThat(billing.health().toString()).isNotEmpty();
        }
    }

    @Test
    void interceptorsRunAroundEveryPublishHandlerAndClientCall() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        List<String> seen = new CopyOnWriteArrayList<>();
        Interceptor record = invocation -> {
            seen.add(invocation.service() + " " + invocation.kind() + " " + invocation.operation());
            return invocation.proceed();
        };
        List<UserCreated> received = new CopyOnWriteArrayList<>();
        try (ServiceRuntime users = ServiceRuntime.builder("user-service")
                        .settings(settings(Map.of()))
                        .transport(transport)
                        .interceptor(record)
                        .build();
                ServiceRuntime billing = ServiceRuntime.builder("billing-service")
                        .settings(settings(Map.of("openclaw.events.handler-attempts", "1")))
                        .transport(transport)
                        .discovery(ai.openclaw.sdk.discovery.ServiceDiscovery.builder()
                                .addSource(ai.openclaw.sdk.discovery.InstanceSource.of(
                                        Map.of("user-service", List.of(java.net.URI.create("http://127.0.0.1:9")))))
                                .build())
                        .interceptor(record)
                        .build()) {
            billing.subscriber(s -> s.startFromBeginning(true)
                            .on("user.created", UserCreated.class, (event, meta) -> received.add(event)))
                    .start();
            users.publisher()
                    .publish("user.created", new UserCreated("u-1", "ada@example.com", "Ada", "2026-12-03T10:00:00Z"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty()) {
                assertThat(System.nanoTime()).as("waiting for the event").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThatThrownBy(() -> billing.clients()
                            .client("user-service")
                            .get("/users/{id}")
                            .pathVariable("id", "u-1")
                            .send(com.fasterxml.jackson.databind.JsonNode.class))
                    .as("nobody listens there");
            assertThat(seen)
                    .containsExactly(
                            "user-service PUBLISH publish user.created",
                            "billing-service HANDLE handle user.created",
                            "billing-service CALL GET /users/{id}");
        }
    }

    @Test
    void aRuntimeIsForAServiceTheCatalogDeclares() {
        assertThatThrownBy(() -> ServiceRuntime.builder("inventory-service")
                        .settings(settings(Map.of()))
                        .transport(new InMemoryTransport())
                        .build())
                .isInstanceOf(UnknownServiceException.class)
                .hasMessageContaining("inventory-service");
    }

    @Test
    void withoutATransportItNeedsTheRedisUrl() {
        assertThatThrownBy(() -> ServiceRuntime.builder("user-service")
                        .settings(settings(Map.of()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openclaw.redis.url");
    }

    @Test
    void aSettingThatCannotBeReadIsNamedWithItsOrigin() {
        try (ServiceRuntime billing = ServiceRuntime.builder("billing-service")
                .settings(settings(Map.of("openclaw.events.max-deliveries", "many")))
                .transport(new InMemoryTransport())
                .build()) {
            assertThatThrownBy(() -> billing.subscriber(s -> {}))
                    .isInstanceOf(OpenClawSettings.SettingsException.class)
                    .hasMessage("openclaw.events.max-deliveries (from given) is not a whole number");
        }
    }

    @Test
    void canarySplitsComeFromTheSettings() {
        try (ServiceRuntime billing = ServiceRuntime.builder("billing-service")
                .settings(settings(Map.of(
                        "openclaw.canary.user-service.percentage", "5",
                        "openclaw.canary.user-service.sticky", "true",
                        "openclaw.service.user-service.url",
                                "http://10.0.0.1:8081,http://10.0.0.9:8081#track=canary&version=1.5.0")))
                .transport(new InMemoryTransport())
                .build()) {
            assertThat(billing.discovery().canarySplit("user-service"))
                    .contains(ai.openclaw.sdk.discovery.CanarySplit.stickyPercent(5));
            assertThat(billing.discovery().serviceInstances("user-service"))
                    .extracting(ai.openclaw.sdk.discovery.ServiceInstance::track)
                    .containsExactly("stable", "canary");
        }
        assertThatThrownBy(() -> ServiceRuntime.builder("billing-service")
                        .settings(settings(Map.of("openclaw.canary.user-service.percentage", "120")))
                        .transport(new InMemoryTransport())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openclaw.canary.user-service.percentage (from given) must be a percentage from 0 to 100");
    }

    @Test
    void theServerKitIsTheServicesOwnContractAndAClosedRuntimeHandsOutNothing() {
        InMemoryTransport transport = new InMemoryTransport();
        ServiceRuntime users = ServiceRuntime.builder("user-service")
                .settings(settings(Map.of("openclaw.server.max-body-bytes", "2048")))
                .transport(transport)
                .build();
        assertThat(users.serverKit().build().maxBodyBytes()).isEqualTo(2048);
        EventSubscriber subscriber = users.subscriber(s -> s.on("user.deleted", Object.class, (e, m) -> {}));
        subscriber.start();
        users.close();
        users.close();
        assertThat(users.isClosed()).isTrue();
        assertThat(subscriber.isRunning()).as("closed with the runtime").isFalse();
        assertThatThrownBy(users::publisher)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(transport.length("runtime-test:user.deleted"))
                .as("a given transport stays the caller's, open")
                .isZero();
    }
}
