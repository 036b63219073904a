package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.client.ServiceUnavailableException;
import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Handler attempts run through call policies: a failing downstream is retried before the entry is left pending. */
class SubscriberPoliciesTest {
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Handles user.created by calling a service that is unavailable for the first {@code failures} calls. */
    private static List<Long> run(ResiliencePolicies policies, int failures) throws Exception {
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        try (InMemoryTransport transport = new InMemoryTransport()) {
            EventPublisher publisher =
                    EventPublisher.builder("user-service", transport).build();
            EventSubscriber.Builder builder = EventSubscriber.builder("billing-service", transport)
                    .pollTimeout(Duration.ofMillis(20))
                    .processingTimeout(Duration.ofMillis(200))
                    .reclaimInterval(Duration.ofMillis(50))
                    .onEnvelope("user.created", (envelope, meta) -> {
                        if (calls.incrementAndGet() <= failures) {
                            throw new ServiceUnavailableException(
                                    "billing-db", "insert", "billing-db could not be reached", null);
                        }
                        deliveries.add(meta.deliveries());
                    });
            if (policies != null) {
                builder.policies(policies); // its attempts are the in-place retries
            } else {
                builder.handlerAttempts(1);
            }
            try (EventSubscriber subscriber = builder.build()) {
                subscriber.start();
                publisher.publish("user.created", Map.of("userId", "u-1"));
                await(() -> !deliveries.isEmpty());
                await(() -> transport.pending("user.created", "billing-service") == 0);
            }
        }
        return deliveries;
    }

    @Test
    void thePolicyRetriesInPlaceOnTheFirstDelivery() throws Exception {
        try (ResiliencePolicies policies = ResiliencePolicies.builder()
                .defaults(ResiliencePolicy.builder()
                        .maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(5))
                        .circuitBreaker(false)
                        .build())
                .build()) {
            assertThat(run(policies, 2)).containsExactly(1L);
        }
    }

    @Test
    void withoutAPolicyTheSameFailuresCostRedeliveries() throws Exception {
        assertThat(run(null, 2)).containsExactly(3L);
    }
}
