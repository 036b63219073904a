package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * redis-server (append-only file on) restarts while events are published and consumed. Publishers see errors (and the
 * application retries them); the subscriber resumes; every event whose publish returned an id is handled.
 */
class RedisRestartIT {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.perClass();

    @Test
    void nothingAcknowledgedIsLostAcrossARestart(RedisServer redis) throws Exception {
        Set<String> stored = ConcurrentHashMap.newKeySet();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger publishErrors = new AtomicInteger();
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofSeconds(5))
                    .build();
            EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport)
                    .pollTimeout(Duration.ofMillis(200))
                    .processingTimeout(Duration.ofSeconds(2))
                    .reclaimInterval(Duration.ofMillis(500))
                    .onEnvelope(
                            "user.created",
                            (envelope, meta) ->
                                    handled.add(envelope.data().get("userId").asText()))
                    .build();
            subscriber.start();

            Thread producer = new Thread(() -> {
                for (int i = 0; i < 600; i++) {
                    String user = "u-" + i;
                    for (int attempt = 0; attempt < 50 && !stored.contains(user); attempt++) {
                        try {
                            publisher.publish("user.created", Map.of("userId", user));
                            stored.add(user);
                        } catch (PublishException e) {
                            publishErrors.incrementAndGet(); // the application's retry
                            sleep(100);
                        }
                    }
                    sleep(2);
                }
            });
            producer.start();
            while (stored.size() < 200) {
                Thread.sleep(5);
            }
            redis.restart();
            producer.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(producer.isAlive()).isFalse();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // an entry whose delivery was lost in the restart stays pending until the reclaim loop hands it out
            // again (processing timeout 2 s): wait for that too, not only for every user id to be seen
            while (!handled.containsAll(stored) || transport.pending("user.created", "billing-service") > 0) {
                assertThat(System.nanoTime())
                        .as("every stored event is handled and acknowledged")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            subscriber.close();
            assertThat(stored).hasSize(600);
            assertThat(handled).containsAll(stored);
            assertThat(transport.pending("user.created", "billing-service")).isZero();
            System.out.printf(
                    "restart test: %d publish errors retried, %d handled%n", publishErrors.get(), handled.size());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
