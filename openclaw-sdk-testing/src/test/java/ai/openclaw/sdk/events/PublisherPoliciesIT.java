package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.resilience.ResiliencePolicy;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A publisher built with resilience policies rides out a Redis outage that a bare publisher reports. */
class PublisherPoliciesIT {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.perClass();

    /** Retries a publish for seconds, every 100 to 300 ms: long enough to ride out the outages below. */
    private static ResiliencePolicies patient() {
        return ResiliencePolicies.builder()
                .defaults(ResiliencePolicy.builder()
                        .maxAttempts(40)
                        .initialBackoff(Duration.ofMillis(100))
                        .maxBackoff(Duration.ofMillis(300))
                        .circuitBreaker(false)
                        .build())
                .build();
    }

    @Test
    void retriesUntilRedisIsBack(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString());
                ResiliencePolicies policies = patient()) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(500))
                    .policies(policies)
                    .build();
            publisher.publish("user.created", Map.of("userId", "before"));

            redis.kill();
            Thread restarter = new Thread(() -> {
                try {
                    Thread.sleep(1_500);
                    redis.startAgain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            restarter.start();
            long started = System.nanoTime();
            String id = publisher.publish("user.created", Map.of("userId", "during"));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            restarter.join();

            assertThat(id).isNotBlank();
            assertThat(tookMillis).as("the publish waited for the restart").isGreaterThanOrEqualTo(1_000);
            // one event before; the one during at least once (a retried XADD whose reply was lost may store it twice)
            assertThat(transport.latest("user.created", 10))
                    .extracting(e -> EventEnvelope.parse(e.data(), new ObjectMapper())
                            .data()
                            .get("userId")
                            .asText())
                    .contains("before", "during");
        }
    }

    @Test
    void withoutPoliciesAnOutageIsReportedAtOnce(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(500))
                    .build();
            publisher.publish("user.created", Map.of("userId", "before"));
            redis.kill();
            assertThatThrownBy(() -> publisher.publish("user.created", Map.of("userId", "during")))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("user.created");
            redis.startAgain();
        }
    }

    @Test
    void anEventRedisStoresAfterThePublisherStoppedWaitingIsReportedAsMaybeStored(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(300))
                    .build();
            publisher.publish("user.created", Map.of("userId", "before")); // connected
            redis.command("CLIENT", "PAUSE", "2000", "WRITE"); // Redis busy: writes wait, then run
            PublishOutcomeUnknownException unknown = catchThrowableOfType(
                    PublishOutcomeUnknownException.class,
                    () -> publisher.publish("user.created", Map.of("userId", "late")));
            assertThat(unknown.outcome()).isEqualTo(PublishException.Outcome.UNKNOWN);
            assertThat(unknown.getMessage()).contains("may be in the stream");
            String id = unknown.eventId().orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (eventIds(transport).stream().noneMatch(id::equals) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(eventIds(transport)).as("it was stored after all").contains(id);
        }
    }

    @Test
    void anEventQueuedWhileRedisIsDownAndWithdrawnIsNotStored(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(300))
                    .build();
            publisher.publish("user.created", Map.of("userId", "before"));
            redis.kill();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (transport.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10); // until Lettuce has seen the connection go
            }
            PublishException failure = catchThrowableOfType(
                    PublishException.class, () -> publisher.publish("user.created", Map.of("userId", "during")));
            assertThat(failure.outcome()).isEqualTo(PublishException.Outcome.NOT_STORED);
            assertThat(failure).isNotInstanceOf(PublishOutcomeUnknownException.class);
            redis.startAgain();
            publisher.publish("user.created", Map.of("userId", "after")); // reconnected: whatever was queued is sent
            assertThat(userIds(transport)).containsExactly("before", "after");
        }
    }

    @Test
    void retriesDuringAnOutageNeverStackCopiesOfOneAttempt(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString());
                ResiliencePolicies policies = patient()) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(500))
                    .policies(policies)
                    .build();
            publisher.publish("user.created", Map.of("userId", "before"));
            redis.kill();
            java.util.concurrent.ExecutorService four = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String user = "during-" + i;
                ids.add(four.submit(() -> publisher.publish("user.created", Map.of("userId", user))));
            }
            Thread.sleep(2_000); // the outage: every publish retries, each attempt withdrawn after 500 ms
            redis.startAgain();
            for (java.util.concurrent.Future<String> id : ids) {
                assertThat(id.get(60, TimeUnit.SECONDS)).isNotBlank();
            }
            four.shutdown();
            Map<String, Long> copies = userIds(transport).stream()
                    .collect(java.util.stream.Collectors.groupingBy(u -> u, java.util.stream.Collectors.counting()));
            // an attempt queued while Redis was down is withdrawn when it times out, never sent on reconnect; only
            // an attempt sent and then unanswered could leave a second copy
            assertThat(copies).containsOnlyKeys("before", "during-0", "during-1", "during-2", "during-3");
            assertThat(copies.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
        }
    }

    private static List<String> eventIds(RedisTransport transport) {
        return transport.range("user.created", "-", 1_000).stream()
                .map(e -> EventEnvelope.parse(e.data(), new ObjectMapper()).id())
                .toList();
    }

    private static List<String> userIds(RedisTransport transport) {
        return transport.range("user.created", "-", 1_000).stream()
                .map(e -> EventEnvelope.parse(e.data(), new ObjectMapper())
                        .data()
                        .get("userId")
                        .asText())
                .toList();
    }
}
