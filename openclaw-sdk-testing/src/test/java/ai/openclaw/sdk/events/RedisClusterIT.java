package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisServer;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A three-master Redis Cluster on loopback: events of types on different slots published (one by one, and in one batch) and consumed. */
class RedisClusterIT {
    private static final List<String> TYPES = List.of("user.created", "order.placed", "invoice.paid", "payment.failed");
    private final List<RedisServer> nodes = new ArrayList<>();

    @AfterEach
    void stopCluster() {
        nodes.forEach(RedisServer::close);
    }

    private void startCluster() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            nodes.add(RedisServer.builder()
                    .appendOnly(false)
                    .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")))
                    .arguments(
                            "--cluster-enabled",
                            "yes",
                            "--cluster-config-file",
                            "nodes.conf",
                            "--cluster-node-timeout",
                            "2000")
                    .start());
        }
        for (int i = 1; i < 3; i++) {
            nodes.get(0)
                    .command(
                            "CLUSTER",
                            "MEET",
                            "127.0.0.1",
                            String.valueOf(nodes.get(i).port()));
        }
        int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
        for (int i = 0; i < 3; i++) {
            List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = ranges[i][0]; slot <= ranges[i][1]; slot++) {
                command.add(String.valueOf(slot));
            }
            nodes.get(i).command(command.toArray(new String[0]));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (RedisServer node : nodes) {
            while (!String.valueOf(node.command("CLUSTER", "INFO")).contains("cluster_state:ok")) {
                assertThat(System.nanoTime()).as("the cluster forms").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void eventsOnDifferentSlotsFlowThroughACluster() throws Exception {
        startCluster();
        Set<Integer> owners = new HashSet<>();
        for (String type : TYPES) {
            long slot = (Long) nodes.get(0).command("CLUSTER", "KEYSLOT", type);
            owners.add(slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2);
        }
        assertThat(owners).as("the streams live on several masters").hasSizeGreaterThan(1);

        List<RedisURI> seeds = List.of(RedisURI.create(nodes.get(0).uri().toString()));
        Set<String> handled = ConcurrentHashMap.newKeySet();
        try (RedisTransport transport = RedisTransport.cluster(seeds)) {
            EventSubscriber.Builder builder =
                    EventSubscriber.builder("audit-service", transport).pollTimeout(Duration.ofMillis(200));
            for (String type : TYPES) {
                builder.onEnvelope(
                        type,
                        (envelope, meta) -> handled.add(
                                envelope.type() + "/" + envelope.data().get("n")));
            }
            EventSubscriber subscriber = builder.build();
            subscriber.start();
            EventPublisher publisher = EventPublisher.builder("test", transport).build();
            for (int n = 0; n < 25; n++) {
                for (String type : TYPES) {
                    publisher.publish(type, Map.of("n", n));
                }
            }
            // a batch across slots, sent in one write: each entry still goes to the master owning its stream
            List<EventPublisher.OutgoingEvent> batch = new java.util.ArrayList<>();
            for (int n = 25; n < 50; n++) {
                for (String type : TYPES) {
                    batch.add(new EventPublisher.OutgoingEvent(type, Map.of("n", n)));
                }
            }
            assertThat(publisher.publishAll(batch)).hasSize(100).doesNotContainNull();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (handled.size() < 200) {
                assertThat(System.nanoTime())
                        .as("all 200 are handled, %s so far", handled.size())
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            subscriber.close();
            for (String type : TYPES) {
                assertThat(transport.pending(type, "audit-service")).isZero();
            }
        }
    }
}
