package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A subscriber in a separate JVM is killed with SIGKILL while handling 10,000 events; another instance reclaims its
 * entries. Every event is handled at least once, and duplicates are at most what the killed one had in flight.
 */
@ExtendWith(RedisExtension.class)
class CrashRecoveryIT {
    static final int MAX_IN_FLIGHT = 32;
    private static final int EVENTS = 10_000;

    @Test
    void aKilledSubscribersEntriesAreReclaimedAndNothingIsLost(RedisServer redisServer) throws Exception {
        String uri = redisServer.uri().toString();
        RedisClient client = RedisClient.create(uri);
        RedisCommands<String, String> redis = client.connect().sync();
        try (RedisTransport transport = RedisTransport.create(uri)) {
            EventPublisher publisher =
                    EventPublisher.builder("user-service", transport).build();
            for (int chunk = 0; chunk < EVENTS; chunk += 500) {
                List<EventPublisher.OutgoingEvent> batch = new ArrayList<>();
                for (int i = chunk; i < chunk + 500; i++) {
                    batch.add(new EventPublisher.OutgoingEvent("user.created", Map.of("userId", "u-" + i)));
                }
                publisher.publishAll(batch);
            }
            assertThat(redis.xlen("user.created")).isEqualTo(EVENTS);

            Path log = Files.createTempFile("subscriber-process", ".log");
            log.toFile().deleteOnExit(); // kept while the test runs, for a failure's message
            Process child = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SubscriberProcess.class.getName(),
                            uri,
                            "doomed-1")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (redis.hlen("handled") < 2_000) {
                    assertThat(child.isAlive())
                            .as("the child runs: " + Files.readString(log))
                            .isTrue();
                    assertThat(System.nanoTime()).as("the child handles events").isLessThan(deadline);
                    Thread.sleep(10);
                }
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no acknowledgement of what is in flight
                child.waitFor(10, TimeUnit.SECONDS);
            }
            long handledByTheDead = redis.hlen("handled");
            assertThat(handledByTheDead).isLessThan(EVENTS);

            EventSubscriber survivor = EventSubscriber.builder("billing-service", transport)
                    .consumerName("survivor-1")
                    .workers(4)
                    .processingTimeout(Duration.ofSeconds(1))
                    .reclaimInterval(Duration.ofMillis(200))
                    .onEnvelope(
                            "user.created",
                            (envelope, meta) -> redis.hincrby(
                                    "handled", envelope.data().get("userId").asText(), 1))
                    .build();
            survivor.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (redis.hlen("handled") < EVENTS || transport.pending("user.created", "billing-service") > 0) {
                    assertThat(System.nanoTime()).as("every event is handled").isLessThan(deadline);
                    Thread.sleep(20);
                }
            } finally {
                survivor.close();
            }
            long deliveries =
                    redis.hvals("handled").stream().mapToLong(Long::parseLong).sum();
            long duplicates = deliveries - EVENTS;
            assertThat(redis.hlen("handled")).as("none lost").isEqualTo(EVENTS);
            assertThat(duplicates).as("duplicates at most what was in flight").isBetween(0L, (long) MAX_IN_FLIGHT);
            assertThat(survivor.stats().reclaimed())
                    .as("the dead consumer's pending entries were reclaimed")
                    .isPositive();
            System.out.printf(
                    "crash test: killed after %d handled, %d reclaimed, %d duplicates%n",
                    handledByTheDead, survivor.stats().reclaimed(), duplicates);
        } finally {
            client.shutdown();
        }
    }
}
