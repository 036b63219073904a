package ai.openclaw.sdk.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.MutableClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery steering real HTTP calls between real servers on loopback: round robin, ejection of a server that stops
 * answering, its return after the cool-down, and the behaviour when every instance is ejected.
 */
class DiscoveryOverHttpTest {
    private static final String SERVICE = "user-service";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MutableClock clock = new MutableClock();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Map<Integer, AtomicInteger> hits = new ConcurrentHashMap<>();
    private ServiceDiscovery discovery;

    @BeforeEach
    void startThreeInstances() throws IOException {
        for (int i = 0; i < 3; i++) {
            HttpServer server = start(0);
            servers.add(server);
            ports.add(server.getAddress().getPort());
        }
        String urls = ports.stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(","));
        discovery = ServiceDiscovery.builder()
                .environment(Map.of("OPENCLAW_SERVICE_USER_SERVICE_URL", urls))
                .failuresToEject(2)
                .ejectionDuration(Duration.ofSeconds(30))
                .clock(clock)
                .build();
    }

    private HttpServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/ping", exchange -> {
            int own = exchange.getLocalAddress().getPort();
            hits.computeIfAbsent(own, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = ("pong from " + own).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    /** One call the way a client makes it: select, call, report, close. */
    private boolean call() {
        try (SelectedInstance instance = discovery.select(SERVICE)) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(instance.resolve("/ping"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 500) {
                    instance.succeeded();
                    return true;
                }
            } catch (IOException e) {
                // connection refused: the instance is down
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            instance.failed();
            return false;
        }
    }

    private int hitsOf(int index) {
        return hits.getOrDefault(ports.get(index), new AtomicInteger()).get();
    }

    @Test
    void roundRobinSpreadsCallsEvenly() {
        for (int i = 0; i < 9; i++) {
            assertThat(call()).isTrue();
        }
        assertThat(List.of(hitsOf(0), hitsOf(1), hitsOf(2))).containsExactly(3, 3, 3);
        assertThat(discovery.status(SERVICE)).allSatisfy(s -> {
            assertThat(s.inFlight()).isZero();
            assertThat(s.isEjected()).isFalse();
        });
    }

    @Test
    void aStoppedInstanceIsEjectedAndReturnsAfterTheCoolDown() throws IOException {
        servers.get(1).stop(0);

        int failures = 0;
        for (int i = 0; i < 12; i++) {
            if (!call()) {
                failures++;
            }
        }
        // failuresToEject = 2: the stopped instance is tried twice, then left out.
        assertThat(failures).isEqualTo(2);
        assertThat(hitsOf(0) + hitsOf(2)).isEqualTo(10);
        InstanceStatus stopped = discovery.status(SERVICE).get(1);
        assertThat(stopped.isEjected()).isTrue();
        assertThat(stopped.ejectedUntil()).contains(clock.instant().plusSeconds(30));

        // Still inside the cool-down, even with the server back, it is left out.
        servers.set(1, start(ports.get(1)));
        clock.advance(Duration.ofSeconds(29));
        for (int i = 0; i < 4; i++) {
            assertThat(call()).isTrue();
        }
        assertThat(hitsOf(1)).isZero();

        // After the cool-down it takes its share again.
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 6; i++) {
            assertThat(call()).isTrue();
        }
        assertThat(hitsOf(1)).isEqualTo(2);
        assertThat(discovery.status(SERVICE).get(1).consecutiveFailures()).isZero();
    }

    @Test
    void aReturningInstanceThatFailsAgainIsEjectedAtOnce() {
        servers.get(2).stop(0);
        for (int i = 0; i < 6; i++) {
            call();
        }
        assertThat(discovery.status(SERVICE).get(2).isEjected()).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(discovery.status(SERVICE).get(2).isEjected()).isFalse();

        int failures = 0;
        for (int i = 0; i < 6; i++) {
            if (!call()) {
                failures++;
            }
        }
        assertThat(failures).as("one failure on probation ejects it again").isEqualTo(1);
        assertThat(discovery.status(SERVICE).get(2).isEjected()).isTrue();
    }

    @Test
    void whenEveryInstanceIsEjectedCallsSpreadOverAllOfThem() throws IOException {
        servers.forEach(s -> s.stop(0));
        for (int i = 0; i < 6; i++) {
            assertThat(call()).isFalse();
        }
        assertThat(discovery.status(SERVICE)).allMatch(InstanceStatus::isEjected);

        // Nothing is refused: each instance is still tried in turn, so the first to come back is found.
        servers.set(0, start(ports.get(0)));
        List<URI> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (SelectedInstance instance = discovery.select(SERVICE)) {
                chosen.add(instance.baseUrl());
            }
        }
        assertThat(chosen).containsExactlyInAnyOrderElementsOf(discovery.instances(SERVICE));
        int ok = 0;
        for (int i = 0; i < 3; i++) {
            if (call()) {
                ok++;
            }
        }
        assertThat(ok).isEqualTo(1);
        assertThat(hitsOf(0)).isEqualTo(1);
    }

    @Test
    void powerOfTwoChoicesAvoidsTheBusyInstance() {
        ServiceDiscovery p2c = ServiceDiscovery.builder()
                .environment(Map.of(
                        "OPENCLAW_SERVICE_USER_SERVICE_URL",
                        "http://127.0.0.1:" + ports.get(0) + ",http://127.0.0.1:" + ports.get(1)))
                .selection(SelectionStrategy.POWER_OF_TWO_CHOICES)
                .build();
        // Hold three calls open on whichever instance is chosen first: a slow instance.
        SelectedInstance held = p2c.select(SERVICE);
        URI busy = held.baseUrl();
        List<SelectedInstance> open = new ArrayList<>(List.of(held));
        for (int i = 0; i < 10; i++) {
            SelectedInstance next = p2c.select(SERVICE);
            if (next.baseUrl().equals(busy)) {
                open.add(next);
            } else {
                next.close();
            }
        }
        // With two instances both are always compared: the idle one wins every time after the first.
        assertThat(open).hasSize(1);
        assertThat(p2c.status(SERVICE))
                .filteredOn(s -> s.baseUrl().equals(busy))
                .singleElement()
                .satisfies(s -> assertThat(s.inFlight()).isEqualTo(1));
        open.forEach(SelectedInstance::close);
        assertThat(p2c.status(SERVICE)).allSatisfy(s -> assertThat(s.inFlight()).isZero());
    }
}
