package ai.openclaw.sdk.canary;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.MutableClock;
import ai.openclaw.sdk.client.ClientException;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.CanarySplit;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A canary of user-service between two real servers on loopback: the split of calls, sticky keys, the observation of
 * each track from the SDK's own calls, and the verdict on a healthy and on a failing canary.
 */
class CanaryOverHttpTest {
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger stableHits = new AtomicInteger();
    private final AtomicInteger canaryHits = new AtomicInteger();
    /** Every how many calls the canary answers 500; 0 for never. */
    private volatile int canaryFailsEvery;

    private HttpServer stable;
    private HttpServer canary;
    private ServiceDiscovery discovery;
    private ServiceClients clients;

    @BeforeEach
    void start() throws IOException {
        stable = server(stableHits, () -> 0);
        canary = server(canaryHits, () -> canaryFailsEvery);
        discovery = ServiceDiscovery.builder()
                .environment(Map.of(
                        "OPENCLAW_SERVICE_USER_SERVICE_URL",
                        "http://127.0.0.1:" + stable.getAddress().getPort() + ",http://127.0.0.1:"
                                + canary.getAddress().getPort() + "#track=canary&version=1.5.0"))
                .systemProperties(new java.util.Properties())
                .clock(clock)
                .random(new SplittableRandom(7))
                .failuresToEject(1_000_000) // a failing canary is judged here, not ejected
                .build();
        clients = ServiceClients.builder(discovery).build();
    }

    private HttpServer server(AtomicInteger hits, java.util.function.IntSupplier failEvery) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = hits.incrementAndGet();
            int every = failEvery.getAsInt();
            int status = every > 0 && n % every == 0 ? 500 : 200;
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        clients.close();
        stable.stop(0);
        canary.stop(0);
    }

    private void call(int times, String keyPrefix) {
        for (int i = 0; i < times; i++) {
            var request = clients.client("user-service").get("/users/{id}").pathVariable("id", "u-" + i);
            if (keyPrefix != null) {
                request.routingKey(keyPrefix + i);
            }
            try {
                request.send(String.class);
            } catch (ClientException e) {
                // a 500 of the canary: counted by discovery as a failed call
            }
        }
    }

    @Test
    void discoveryKnowsEachInstancesTrackAndVersion() {
        assertThat(discovery.serviceInstances("user-service"))
                .extracting(i -> i.track() + " " + i.version().orElse("-"))
                .containsExactly("stable -", "canary 1.5.0");
        assertThat(discovery.instances("user-service"))
                .allSatisfy(u -> assertThat(u.getFragment()).isNull());
    }

    @Test
    void theSplitSendsItsShareToTheCanary() {
        discovery.canary("user-service", CanarySplit.percent(20));
        call(2_000, null);
        assertThat(stableHits.get() + canaryHits.get()).isEqualTo(2_000);
        // 20% of 2,000 with a seeded random: 400 expected, 3.6 standard deviations either side allowed
        assertThat(canaryHits.get()).isBetween(330, 470);
        CanaryObservation seen = discovery.observe("user-service");
        assertThat(seen.canary().requests()).isEqualTo(canaryHits.get());
        assertThat(seen.baseline().requests()).isEqualTo(stableHits.get());
        assertThat(seen.canary().p95()).isPositive();

        discovery.canary("user-service", CanarySplit.NONE);
        int before = canaryHits.get();
        call(200, null);
        assertThat(canaryHits.get()).isEqualTo(before);
        assertThat(discovery.observe("user-service").baseline().requests())
                .as("observing starts afresh with each split")
                .isEqualTo(200);
    }

    @Test
    void aStickySplitKeepsEachCallerOnOneTrack() {
        discovery.canary("user-service", CanarySplit.stickyPercent(25));
        Map<String, Set<Integer>> portsByKey = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 400; k++) {
                String key = "user-" + k;
                int canaryBefore = canaryHits.get();
                try {
                    clients.client("user-service")
                            .get("/users/{id}")
                            .pathVariable("id", key)
                            .routingKey(key)
                            .send(String.class);
                } catch (ClientException e) {
                    throw new AssertionError(e);
                }
                portsByKey.computeIfAbsent(key, x -> new HashSet<>()).add(canaryHits.get() > canaryBefore ? 1 : 0);
            }
        }
        assertThat(portsByKey.values()).allSatisfy(tracks -> assertThat(tracks).hasSize(1));
        long onCanary = portsByKey.values().stream().filter(t -> t.contains(1)).count();
        assertThat(onCanary).isBetween(70L, 130L); // 25% of 400 keys, by a fixed hash
        // a key on the canary at 25% stays on it at 50%
        Set<String> before = new HashSet<>();
        portsByKey.forEach((k, t) -> {
            if (t.contains(1)) {
                before.add(k);
            }
        });
        assertThat(before).allMatch(k -> CanarySplit.stickyPercent(50).toCanary(k, 0.99));
    }

    @Test
    void aHealthyCanaryIsHeldDuringTheWatchAndPromotedAfterIt() {
        discovery.canary("user-service", CanarySplit.percent(30));
        call(1_000, null);
        CanaryCriteria criteria = CanaryCriteria.builder()
                .duration(Duration.ofMinutes(30))
                .minRequests(100)
                .maxLatencyRatio(50) // loopback latencies are noise; the latency rule has its own test
                .build();
        CanaryVerdict early = CanaryAnalysis.analyze(discovery.observe("user-service"), criteria);
        assertThat(early.decision()).isEqualTo(CanaryVerdict.Decision.HOLD);
        assertThat(early.reasons().get(0)).startsWith("within limits so far, watched 0ms of 30m");
        clock.advance(Duration.ofMinutes(31));
        CanaryVerdict later =
                CanaryAnalysis.analyze(CanaryMetricsSource.of(discovery).observe("user-service"), criteria);
        assertThat(later.decision()).isEqualTo(CanaryVerdict.Decision.PROMOTE);
        assertThat(later.toText()).contains("verdict: PROMOTE (user-service)").contains("canary");
    }

    @Test
    void aCanaryThatFailsOneCallInTenIsRolledBack() {
        canaryFailsEvery = 10;
        discovery.canary("user-service", CanarySplit.percent(30));
        call(1_500, null);
        CanaryVerdict v = CanaryAnalysis.analyze(
                discovery.observe("user-service"),
                CanaryCriteria.builder().maxLatencyRatio(50).build());
        assertThat(v.decision()).isEqualTo(CanaryVerdict.Decision.ROLLBACK);
        assertThat(v.observation().canary().errorRate()).isBetween(0.09, 0.11);
        assertThat(v.observation().baseline().errors()).isZero();
        assertThat(v.reasons().get(0)).startsWith("the canary fails more often: ");
        assertThat(v.pValue()).isLessThan(1e-6);
    }
}
