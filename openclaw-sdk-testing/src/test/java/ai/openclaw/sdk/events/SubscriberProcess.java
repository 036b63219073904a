package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.redis.RedisTransport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;

/**
 * A subscriber in its own JVM, for the crash test: handles user.created by counting each user id in the hash
 * {@code handled} (HINCRBY), then acknowledges. Runs until killed.
 *
 * <p>Arguments: redis URI, consumer name.
 */
public final class SubscriberProcess {
    private SubscriberProcess() {}

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        RedisClient client = RedisClient.create(uri);
        RedisCommands<String, String> redis = client.connect().sync();
        RedisTransport transport = RedisTransport.create(uri);
        EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport)
                .consumerName(args[1])
                .startFromBeginning(true)
                .workers(4)
                .maxInFlight(CrashRecoveryIT.MAX_IN_FLIGHT)
                .batchSize(16)
                .onEnvelope("user.created", (envelope, meta) -> {
                    redis.hincrby("handled", envelope.data().get("userId").asText(), 1);
                    Thread.sleep(1); // slow enough to be killed in the middle
                })
                .build();
        subscriber.start();
        System.out.println("started " + Map.of("consumer", subscriber.consumerName()));
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
