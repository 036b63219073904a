package ai.openclaw.sdk.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints over real HTTP on loopback, and the downstream check against a real server. */
class HealthEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HealthRegistry registry;
    private HealthServer server;
    private volatile boolean redisUp = true;

    @BeforeEach
    void start() {
        registry = HealthRegistry.builder()
                .timeout(Duration.ofSeconds(30)) // checks that only return never time out, however loaded the machine
                .cacheFor(Duration.ZERO)
                .build();
        registry.liveness("event-loop", () -> HealthResult.up().withData("in_flight", 0));
        registry.readiness(
                "redis",
                () -> redisUp
                        ? HealthResult.up().withData("server", "127.0.0.1:6379").withData("latency_ms", 0.4)
                        : HealthResult.down("not connected").withData("server", "127.0.0.1:6379"));
        registry.startup("catalog", HealthResult::up);
        server = HealthServer.builder(registry).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEphemeralPortWasChosen() {
        assertThat(server.port()).isPositive();
        assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/health"));
    }

    @Test
    void readinessIs200WhenUpAnd503WhenDownWhileLivenessStays200() throws Exception {
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(ready.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").size()).isEqualTo(1);
        JsonNode check = body.get("checks").get(0);
        assertThat(check.size()).isEqualTo(3);
        assertThat(check.get("name").asText()).isEqualTo("redis");
        assertThat(check.get("status").asText()).isEqualTo("UP");
        assertThat(check.get("data").get("server").asText()).isEqualTo("127.0.0.1:6379");
        assertThat(check.get("data").get("latency_ms").isNumber()).isTrue();

        redisUp = false;
        ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        body = JSON.readTree(ready.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        check = body.get("checks").get(0);
        assertThat(check.get("status").asText()).isEqualTo("DOWN");
        assertThat(check.get("data").get("error").asText()).isEqualTo("not connected");

        HttpResponse<String> live = get("/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body())
                .isEqualTo("{\"status\":\"UP\",\"checks\":[{\"name\":\"event-loop\",\"status\":\"UP\","
                        + "\"data\":{\"in_flight\":0}}]}");

        HttpResponse<String> all = get("");
        assertThat(all.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(all.body()).get("checks").findValuesAsText("name"))
                .containsExactly("event-loop", "redis", "catalog");
        assertThat(get("/").statusCode()).isEqualTo(503);
        assertThat(get("/started").statusCode()).isEqualTo(200);
    }

    @Test
    void aHungCheckIsDownWithinItsTimeLimit() throws Exception {
        registry.register(
                "hung",
                () -> {
                    Thread.sleep(60_000);
                    return HealthResult.up();
                },
                Duration.ofMillis(500),
                java.util.Set.of(HealthGroup.LIVENESS));
        HttpResponse<String> live = get("/live"); // were the limit ignored, this would answer 200 after a minute
        assertThat(live.statusCode()).isEqualTo(503);
        JsonNode hung = JSON.readTree(live.body()).get("checks").get(1);
        assertThat(hung.get("name").asText()).isEqualTo("hung");
        assertThat(hung.get("status").asText()).isEqualTo("DOWN");
        assertThat(hung.get("data").get("error").asText()).isEqualTo("timed out after 500 ms");
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        assertThat(get("/unknown").statusCode()).isEqualTo(404);
        assertThat(get("z").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + "/ready"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + "/ready"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theEndpointAnswersOutsideAnyServer() {
        HealthEndpoint endpoint = HealthEndpoint.of(registry);
        assertThat(endpoint.respond("/live").status()).isEqualTo(200);
        assertThat(endpoint.respond("/ready/").status()).isEqualTo(200);
        assertThat(endpoint.respond("/nope").status()).isEqualTo(404);
        redisUp = false;
        HealthEndpoint.Response r = endpoint.respond(HealthGroup.READINESS);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.contentType()).isEqualTo("application/json");
    }

    @Test
    void aDownstreamServiceIsCheckedThroughDiscovery() throws Exception {
        HttpServer downstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] code = {200};
        downstream.createContext("/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        downstream.start();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try {
            String base = "http://127.0.0.1:" + downstream.getAddress().getPort();
            ServiceDiscovery discovery = ServiceDiscovery.builder()
                    .addSource(InstanceSource.of(Map.of(
                            "user-service", List.of(URI.create(base)),
                            "gone-service", List.of(URI.create("http://127.0.0.1:" + closedPort)))))
                    .build();
            HealthResult up =
                    DownstreamHealthCheck.of(discovery, "user-service").check();
            assertThat(up.status()).isEqualTo(HealthStatus.UP);
            assertThat(up.data())
                    .containsEntry("service", "user-service")
                    .containsEntry("instance", base)
                    .containsEntry("status_code", 200)
                    .containsKey("latency_ms");

            code[0] = 503;
            HealthResult down =
                    DownstreamHealthCheck.of(discovery, "user-service").check();
            assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(down.data()).containsEntry("status_code", 503);

            HealthResult unreachable = DownstreamHealthCheck.of(discovery, "gone-service")
                    .timeout(Duration.ofMillis(500))
                    .check();
            assertThat(unreachable.status()).isEqualTo(HealthStatus.DOWN);
            assertThat((String) unreachable.data().get("error")).startsWith("gone-service could not be reached: ");
        } finally {
            downstream.stop(0);
        }
    }
}
