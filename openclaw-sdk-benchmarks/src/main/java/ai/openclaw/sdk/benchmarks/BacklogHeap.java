package ai.openclaw.sdk.benchmarks;

import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap while a subscriber drains a backlog: appends {@code entries} envelopes to a stream (raw, pipelined), then
 * drains them with a subscriber and reports the heap's peak use (sum of the heap pools' peaks, reset before draining)
 * and the drain rate. Run with a small heap to show the subscriber does not buffer the backlog:
 *
 * <pre>{@code
 * java -Xmx128m -cp openclaw-sdk-benchmarks/target/benchmarks.jar ai.openclaw.sdk.benchmarks.BacklogHeap 1000000
 * }</pre>
 *
 * <p>The subscriber's settings come from system properties, to compare: {@code -Dworkers=4 -DmaxInFlight=1024
 * -DbatchSize=200 -DackIntervalMs=2} (the defaults here).
 */
public final class BacklogHeap {
    private BacklogHeap() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"%d\",\"source\":\"bench\",\"type\":\"backlog\","
                + "\"time\":\"2026-11-22T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{\"userId\":\"u-%d\","
                + "\"email\":\"user@example.com\",\"name\":\"A User\",\"createdAt\":\"2026-11-22T10:00:00Z\"}}";
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start();
                RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            RedisClient client = RedisClient.create(redis.uri().toString());
            RedisAsyncCommands<String, String> async = client.connect().async();
            for (int start = 0; start < entries; start += 10_000) {
                List<RedisFuture<String>> futures = new ArrayList<>();
                for (int i = start; i < Math.min(entries, start + 10_000); i++) {
                    futures.add(async.xadd("backlog", Map.of("data", String.format(envelope, i, i))));
                }
                for (RedisFuture<String> f : futures) {
                    f.get();
                }
            }
            client.shutdown();
            System.gc();
            List<MemoryPoolMXBean> heap = new ArrayList<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                    heap.add(pool);
                }
            }
            long before =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            AtomicLong handled = new AtomicLong();
            EventSubscriber subscriber = EventSubscriber.builder("drain", transport)
                    .startFromBeginning(true)
                    .workers(Integer.getInteger("workers", 4))
                    .maxInFlight(Integer.getInteger("maxInFlight", 1024))
                    .batchSize(Integer.getInteger("batchSize", 200))
                    .ackInterval(Duration.ofMillis(Long.getLong("ackIntervalMs", 2)))
                    .pollTimeout(Duration.ofMillis(50))
                    .onEnvelope("backlog", (e, meta) -> handled.incrementAndGet())
                    .build();
            long start = System.nanoTime();
            subscriber.start();
            long peakLive = 0; // the heap in use after collections: what is kept, garbage aside
            while (handled.get() < entries) {
                Thread.sleep(50);
                long live = 0;
                for (MemoryPoolMXBean pool : heap) {
                    if (pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                peakLive = Math.max(peakLive, live);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            subscriber.close();
            System.out.printf(
                    "drained %d entries in %.1f s (%.0f/s) within a %d MiB heap; in use after GC: %d MiB before,"
                            + " at most %d MiB while draining%n",
                    entries,
                    seconds,
                    entries / seconds,
                    Runtime.getRuntime().maxMemory() >> 20,
                    before >> 20,
                    peakLive >> 20);
        }
    }
}
