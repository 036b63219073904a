package com.example.inventory;

import static com.example.inventory.Fixtures.CATALOG;
import static com.example.inventory.Fixtures.CONTRACTS;
import static com.example.inventory.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** stock.changed through a real Redis (RedisExtension: REDIS_URL, a redis-server on PATH, or the embedded one). */
@ExtendWith(RedisExtension.class)
class StockEventsOverRedisIT {
    @Test
    void theDashboardReceivesTheChangeWithItsInstant(RedisServer redis) throws Exception {
        List<StockChanged> seen = new CopyOnWriteArrayList<>();
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString());
                EventSubscriber dashboard = EventSubscriber.builder("warehouse-dashboard", transport)
                        .contracts(CONTRACTS)
                        .on("stock.changed", StockChanged.class, (event, meta) -> seen.add(event))
                        .build()) {
            dashboard.start();
            EventPublisher.builder("inventory-service", transport)
                    .catalog(CATALOG)
                    .contracts(CONTRACTS)
                    .build()
                    .publish("stock.changed", new StockChanged("p-1", 7, 7, NOW));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(Duration.ofMillis(20).toMillis());
            }
            assertThat(seen).containsExactly(new StockChanged("p-1", 7, 7, NOW));
        }
    }
}
