package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
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
    void eventsQueuedWhileRedisIsDownAndWithdrawnAreNotStored(RedisServer redis) throws Exception {
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
            // a batch, handed to Lettuce in one go, is queued and withdrawn alike
            List<EventPublisher.OutgoingEvent> batch = List.of(
                    new EventPublisher.OutgoingEvent("user.created", Map.of("userId", "during-0")),
                    new EventPublisher.OutgoingEvent("user.created", Map.of("userId", "during-1")));
            PublishException batchFailure =
                    catchThrowableOfType(PublishException.class, () -> publisher.publishAll(batch));
            assertThat(batchFailure.outcome()).isEqualTo(PublishException.Outcome.NOT_STORED);
            assertThat(batchFailure).isNotInstanceOf(PublishOutcomeUnknownException.class);
            assertThat(batchFailure.getMessage()).startsWith("2 of 2 events were not stored");
            redis.startAgain();
            publisher.publish("user.created", Map.of("userId", "after")); // reconnected: whatever was queued is sent
            assertThat(userIds(transport)).containsExactly("before", "after");
        }
    }

    @Test
    void aBatchHandedToAClosedTransportFailsAsNotSent(RedisServer redis) {
        RedisTransport transport = RedisTransport.create(redis.uri().toString());
        transport.close();
        List<java.util.concurrent.CompletionStage<String>> stages = transport.appendAll(List.of(
                new ai.openclaw.sdk.transport.EventTransport.NewEntry(
                        "orders", "a", ai.openclaw.sdk.transport.Trim.NONE),
                new ai.openclaw.sdk.transport.EventTransport.NewEntry(
                        "orders", "b", ai.openclaw.sdk.transport.Trim.NONE)));
        assertThat(stages).hasSize(2).allSatisfy(stage -> {
            Throwable failure = catchThrowable(() -> stage.toCompletableFuture().join());
            assertThat(failure).isInstanceOf(java.util.concurrent.CompletionException.class);
            assertThat(failure.getCause())
                    .isInstanceOfSatisfying(
                            ai.openclaw.sdk.transport.AppendException.class, a -> assertThat(a.outcomeUnknown())
                                    .as("surely not stored")
                                    .isFalse());
        });
    }

    @Test
    void anEntryRedisRefusesFailsAloneInABatch(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            redis.command("SET", "user.deleted", "not a stream"); // XADD to it: WRONGTYPE
            EventPublisher publisher =
                    EventPublisher.builder("user-service", transport).build();
            List<EventPublisher.OutgoingEvent> batch = List.of(
                    new EventPublisher.OutgoingEvent("user.created", Map.of("userId", "u-1")),
                    new EventPublisher.OutgoingEvent("user.deleted", Map.of("userId", "u-1")),
                    new EventPublisher.OutgoingEvent("user.created", Map.of("userId", "u-2")));
            PublishException failure = catchThrowableOfType(PublishException.class, () -> publisher.publishAll(batch));
            assertThat(failure.outcome()).isEqualTo(PublishException.Outcome.NOT_STORED);
            assertThat(failure.getMessage())
                    .startsWith("1 of 3 events were not stored (#1 user.deleted); the others were");
            assertThat(failure.getCause()).hasMessageContaining("WRONGTYPE");
            assertThat(userIds(transport)).containsExactly("u-1", "u-2");
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
