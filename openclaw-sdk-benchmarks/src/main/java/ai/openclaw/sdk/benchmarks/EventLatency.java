package ai.openclaw.sdk.benchmarks;

import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.Trim;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Publish-to-handle latency at a fixed rate: publishes {@code rate} events per second for {@code seconds} (after a
 * warm-up) and prints p50, p99 and max of the time from just before publish to the handler, in one JVM (one clock).
 *
 * <pre>{@code
 * java -cp openclaw-sdk-benchmarks/target/benchmarks.jar ai.openclaw.sdk.benchmarks.EventLatency 5000 20
 * }</pre>
 */
public final class EventLatency {
    private EventLatency() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = rate * 5;
        int total = warmup + rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger handled = new AtomicInteger();
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start();
                RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            EventSubscriber subscriber = EventSubscriber.builder("latency", transport)
                    .workers(4)
                    .pollTimeout(Duration.ofMillis(100))
                    .onEnvelope("tick", (envelope, meta) -> {
                        int n = envelope.data().get("n").asInt();
                        latencies[n] =
                                System.nanoTime() - envelope.data().get("t").asLong();
                        handled.incrementAndGet();
                    })
                    .build();
            subscriber.start();
            EventPublisher publisher = EventPublisher.builder("clock", transport)
                    .trim(Trim.maxLength(100_000))
                    .build();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (int n = 0; n < total; n++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                publisher.publishAsync("tick", Map.of("n", n, "t", System.nanoTime()));
                next += interval;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (handled.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            subscriber.close();
            long[] measured = Arrays.copyOfRange(latencies, warmup, total);
            Arrays.sort(measured);
            System.out.printf(
                    "rate %d/s for %d s (Redis %s): handled %d/%d, publish-to-handle p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    rate,
                    seconds,
                    redis.version(),
                    handled.get(),
                    total,
                    measured[measured.length / 2] / 1e6,
                    measured[(int) (measured.length * 0.99)] / 1e6,
                    measured[measured.length - 1] / 1e6);
        }
    }
}
